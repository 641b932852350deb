// What the window may load, navigate to and open. The window shows only MagFlow's own pages; the single way out is
// an allow-listed https link to an eMAG Marketplace page, opened in the system browser, never inside the app.
import type { AppPort, PreventableEvent, SessionPort, WebContentsPort, WebPreferencesSpec } from './ports';

/** The custom scheme the packaged renderer is served from (see rendererProtocol.ts). */
export const APP_SCHEME = 'magflow';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * Hosts whose https pages the seller may open from the window: the seller interface of each platform (eMAG RO, BG,
 * HU and Fashion Days RO, BG) and the public shop sites where a product page lives.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'marketplace.emag.ro',
  'marketplace.emag.bg',
  'marketplace.emag.hu',
  'marketplace-ro.fashiondays.com',
  'marketplace-bg.fashiondays.com',
  'www.emag.ro',
  'www.emag.bg',
  'www.emag.hu',
  'www.fashiondays.ro',
  'www.fashiondays.bg',
];

/** True for an https URL on an allow-listed host, without credentials or an unusual port. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HOSTS.includes(url.hostname.toLowerCase())
  );
}

/** The webPreferences of every MagFlow window: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preload: string): WebPreferencesSpec {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * The Content-Security-Policy of the window. Only its own scripts; inline styles are allowed because React sets
 * style attributes. The development server additionally needs Vite's inline preamble and its websocket.
 */
export function contentSecurityPolicy(devServerUrl: string | null): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self' data:"],
    ['connect-src', dev ? `'self' ws://${dev.host} ${dev.origin}` : "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['worker-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** True when `url` is one of MagFlow's own pages (the packaged scheme, or the dev server while developing). */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  try {
    const parsed = new URL(url);
    if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
    return devServerUrl !== null && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

export interface GuardOptions {
  /** Opens an allow-listed link in the system browser. */
  openExternal(url: string): void;
  /** Told about every refused navigation (logged). */
  onBlocked(kind: 'navigate' | 'redirect' | 'window' | 'webview', url: string): void;
}

/**
 * Denies every navigation away from the loaded page and every new window. An allow-listed eMAG link is handed to
 * the system browser instead; anything else is refused and logged.
 */
export function guardWebContents(contents: WebContentsPort, options: GuardOptions): void {
  const leave = (kind: 'navigate' | 'redirect' | 'window', url: string) => {
    if (isAllowedExternalUrl(url)) options.openExternal(url);
    else options.onBlocked(kind, url);
  };
  contents.on('will-navigate', (event: PreventableEvent, url: string) => {
    event.preventDefault();
    leave('navigate', url);
  });
  contents.on('will-redirect', (event: PreventableEvent, url: string) => {
    event.preventDefault();
    leave('redirect', url);
  });
  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    options.onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    leave('window', url);
    return { action: 'deny' };
  });
}

/**
 * Guards every webContents the app ever gets (the main window's, and any other: a devtools view, a window a
 * future feature opens), as soon as it exists. Call before the first window is created.
 */
export function guardAllWebContents(app: Pick<AppPort, 'on'>, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

/** Session-wide rules: no permission is ever granted (camera, geolocation...), every response carries the CSP. */
export function hardenSession(session: SessionPort, devServerUrl: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
