// Wall-clock times of a time zone ('YYYY-MM-DD HH:MM:SS', the form eMAG sends and filters by) and the instants they
// stand for. Through Intl, so daylight saving follows the platform's zone database. Plain functions without Node, so
// main and the renderer can share them.
import type { Platform } from './domain';

/** eMAG's own zone, and the one the app shows dates in. */
export const BUCHAREST = 'Europe/Bucharest';

/** Each marketplace's local zone: RO and BG share an offset, HU is an hour behind. */
export const PLATFORM_ZONES: Readonly<Record<Platform, string>> = {
  'emag-ro': BUCHAREST,
  'fd-ro': BUCHAREST,
  'emag-bg': 'Europe/Sofia',
  'fd-bg': 'Europe/Sofia',
  'emag-hu': 'Europe/Budapest',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** sv-SE writes dates as 'YYYY-MM-DD HH:MM:SS'; one formatter per zone, since building them is slow. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** An instant as 'YYYY-MM-DD HH:MM:SS' in `zone`'s local time. */
export function formatWallTime(date: Date, zone: string): string {
  return formatterFor(zone).format(date).replace('T', ' ');
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reads `zone`'s local 'YYYY-MM-DD HH:MM:SS' (a 'T' may stand for the space) as epoch ms; NaN when the text is not
 * such a date. The zone offset is found by formatting a guess back and comparing; twice settles DST edges.
 */
export function parseWallTime(text: string, zone: string): number {
  const match = WALL_TIME.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${formatWallTime(new Date(guess), zone).replace(' ', 'T')}Z`);
    guess = asUtc - (shown - guess);
  }
  return guess;
}
