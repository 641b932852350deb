// eMAG / Fashion Days marketplaces and their API base URLs, plus the rule that plain HTTP is for loopback only.
import { configError } from './errors';

export const EMAG_PLATFORMS = {
  'emag-ro': {
    label: 'eMAG Romania',
    apiUrl: 'https://marketplace-api.emag.ro/api-3',
    currency: 'RON',
    locale: 'ro_RO',
  },
  'emag-bg': {
    label: 'eMAG Bulgaria',
    apiUrl: 'https://marketplace-api.emag.bg/api-3',
    // Bulgaria joined the euro on 1 January 2026; orders placed before then are in leva (BGN_UNTIL).
    currency: 'EUR',
    locale: 'bg_BG',
  },
  'emag-hu': {
    label: 'eMAG Hungary',
    apiUrl: 'https://marketplace-api.emag.hu/api-3',
    currency: 'HUF',
    locale: 'hu_HU',
  },
  'fd-ro': {
    label: 'Fashion Days Romania',
    apiUrl: 'https://marketplace-ro-api.fashiondays.com/api-3',
    currency: 'RON',
    locale: 'ro_RO',
  },
  'fd-bg': {
    label: 'Fashion Days Bulgaria',
    apiUrl: 'https://marketplace-bg-api.fashiondays.com/api-3',
    currency: 'EUR',
    locale: 'bg_BG',
  },
} as const;

export type EmagPlatform = keyof typeof EMAG_PLATFORMS;

/** The first day (platform-local) on which Bulgaria's platforms price in EUR; before it, BGN. */
const BGN_UNTIL = '2026-01-01';

/**
 * The platform's currency on a day (`YYYY-mm-dd...`, platform-local, as eMAG dates are): the fallback for an order
 * that names no currency itself. Without a date, today's currency.
 */
export function platformCurrencyOn(platform: EmagPlatform, date: string | null | undefined): string {
  const bulgarian = platform === 'emag-bg' || platform === 'fd-bg';
  if (bulgarian && date && /^\d{4}-\d{2}-\d{2}/.test(date) && date.slice(0, 10) < BGN_UNTIL) return 'BGN';
  return EMAG_PLATFORMS[platform].currency;
}

export const EMAG_PLATFORM_IDS = Object.keys(EMAG_PLATFORMS) as EmagPlatform[];

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts plain HTTP may go to (the local sandbox). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host) ?? /^::ffff:127\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/** Why an API URL cannot be used (main words it in the window's language, main/core/messages/errorTexts.ts). */
export type ApiUrlFault =
  | { code: 'not_url' }
  | { code: 'credentials' }
  | { code: 'plain_http'; host: string }
  | { code: 'not_https'; protocol: string }
  | { code: 'query' };

/** The fault of a typed API URL, or null when it is usable (plain http only for loopback). */
export function apiUrlFault(apiUrl: string): ApiUrlFault | null {
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return { code: 'not_url' };
  }
  if (url.username || url.password) return { code: 'credentials' };
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) return { code: 'plain_http', host: url.hostname };
  } else if (url.protocol !== 'https:') {
    return { code: 'not_https', protocol: url.protocol };
  }
  if (url.search || url.hash) return { code: 'query' };
  return null;
}

/** A fault in English: the client's config error, the CLI and the logs. */
export function describeApiUrlFault(fault: ApiUrlFault): string {
  switch (fault.code) {
    case 'not_url':
      return 'The eMAG API URL is not a valid URL';
    case 'credentials':
      return 'The eMAG API URL must not contain credentials; set the username and password instead';
    case 'plain_http':
      return `Plain HTTP is refused for ${fault.host}: use https (http is allowed only for loopback)`;
    case 'not_https':
      return `The eMAG API URL must use https (got ${fault.protocol})`;
    case 'query':
      return 'The eMAG API URL must not have a query string or fragment';
  }
}

/**
 * The base URL requests go to (no trailing slash): the custom `apiUrl` when given, else the platform's.
 * Throws a `config` EmagError for an unparsable URL, a non-HTTP scheme, embedded credentials,
 * or plain HTTP to anything but loopback.
 */
export function resolveApiUrl(platform: EmagPlatform, apiUrl?: string): string {
  if (apiUrl === undefined || apiUrl.trim() === '') return EMAG_PLATFORMS[platform].apiUrl;
  const fault = apiUrlFault(apiUrl);
  if (fault) throw configError(describeApiUrlFault(fault));
  return new URL(apiUrl.trim()).href.replace(/\/+$/, '');
}
