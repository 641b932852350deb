// electron-builder's configuration for one build: electron-builder.yml (what never changes between builds) plus what
// the maintainer chooses through environment variables, read here and nowhere else (docs/desktop.md, "Releasing"):
//
//   MAGFLOW_UPDATE_URL         https base URL of a plain HTTPS server the release's latest*.yml and installers are
//                              uploaded to (electron-builder's "generic" provider)
//   MAGFLOW_UPDATE_GITHUB      owner/repo of a public GitHub repository whose releases carry them ("github")
//                              Neither: the build has no update feed (publish: null, no app-update.yml; the app says
//                              in Settings that updates are off). Both: refused, the feed must be one.
//   MAGFLOW_REQUIRE_SIGNING=1  fail the macOS and Windows builds instead of shipping unsigned apps (release CI)
//   MAGFLOW_AZURE_SIGNING_ENDPOINT, MAGFLOW_AZURE_SIGNING_ACCOUNT, MAGFLOW_AZURE_SIGNING_PROFILE, MAGFLOW_WIN_PUBLISHER
//                              sign the Windows app with Azure Trusted Signing (all four, or none)
//
// The secrets themselves (CSC_LINK, CSC_KEY_PASSWORD, APPLE_API_KEY..., AZURE_CLIENT_SECRET, GH_TOKEN) are read by
// electron-builder and its signing tools from the environment; they never pass through this file.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');

const ROOT = path.join(__dirname, '..');
const BASE_CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');

const value = (env, name) => {
  const v = env[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** The `publish` setting for this build: one feed, or null for none. */
function publishFromEnv(env) {
  const url = value(env, 'MAGFLOW_UPDATE_URL');
  const github = value(env, 'MAGFLOW_UPDATE_GITHUB');
  if (url && github) {
    throw new Error('Set either MAGFLOW_UPDATE_URL or MAGFLOW_UPDATE_GITHUB, not both: an app reads one update feed.');
  }
  if (url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`MAGFLOW_UPDATE_URL is not a URL: ${url}`);
    }
    // On Linux the sha512 an update is checked against comes from the same server as the file: only HTTPS keeps a
    // network in between from swapping both.
    if (parsed.protocol !== 'https:') throw new Error(`MAGFLOW_UPDATE_URL must be an https:// URL, got ${url}`);
    if (parsed.username || parsed.password || parsed.search || parsed.hash) {
      throw new Error('MAGFLOW_UPDATE_URL must be a plain base URL (no credentials, query or fragment)');
    }
    return { provider: 'generic', url: parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/` };
  }
  if (github) {
    const match = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/.exec(github);
    if (!match) throw new Error(`MAGFLOW_UPDATE_GITHUB must be owner/repo, got ${github}`);
    // A draft release: the maintainer checks the uploaded files and publishes it; the app only sees published ones.
    return { provider: 'github', owner: match[1], repo: match[2], releaseType: 'draft' };
  }
  return null;
}

const AZURE = {
  endpoint: 'MAGFLOW_AZURE_SIGNING_ENDPOINT',
  codeSigningAccountName: 'MAGFLOW_AZURE_SIGNING_ACCOUNT',
  certificateProfileName: 'MAGFLOW_AZURE_SIGNING_PROFILE',
  publisherName: 'MAGFLOW_WIN_PUBLISHER',
};

/** win.azureSignOptions when the build signs through Azure Trusted Signing, else null (CSC_LINK or unsigned). */
function azureSigningFromEnv(env) {
  const options = Object.fromEntries(Object.entries(AZURE).map(([key, name]) => [key, value(env, name)]));
  const missing = Object.entries(AZURE)
    .filter(([key]) => options[key] === null)
    .map(([, name]) => name);
  if (missing.length === Object.keys(AZURE).length) return null;
  if (missing.length > 0) throw new Error(`Azure Trusted Signing needs ${missing.join(', ')} as well`);
  if (value(env, 'CSC_LINK') || value(env, 'WIN_CSC_LINK')) {
    throw new Error('Sign Windows with either a certificate (CSC_LINK) or Azure Trusted Signing, not both');
  }
  return options;
}

/** The whole configuration electron-builder gets for a build with this environment. */
function buildConfig(env = process.env) {
  const base = yaml.load(readFileSync(BASE_CONFIG_FILE, 'utf8'));
  const config = { ...base, publish: publishFromEnv(env) };
  const azure = azureSigningFromEnv(env);
  const required = value(env, 'MAGFLOW_REQUIRE_SIGNING') === '1';
  config.win = { ...base.win, ...(azure ? { azureSignOptions: azure } : {}), ...(required ? { forceCodeSigning: true } : {}) };
  config.mac = { ...base.mac, ...(required ? { forceCodeSigning: true } : {}) };
  return config;
}

module.exports = { buildConfig, publishFromEnv, azureSigningFromEnv, BASE_CONFIG_FILE };
