// What `npm run dist` hands electron-builder: electron-builder.yml plus the choices of this build, read from the
// environment by scripts/builder-config.cjs (update feed, Windows signing through Azure, signing required).
module.exports = require('./scripts/builder-config.cjs').buildConfig(process.env);
