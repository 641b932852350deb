// The `serve` command's engine: the browser bridge and its building blocks.
export { startBridgeServer, type BridgeServer, type BridgeServerOptions } from './bridgeServer';
export { CONTENT_SECURITY_POLICY, resolveStaticPath } from './staticFiles';
export { newToken } from './guards';
