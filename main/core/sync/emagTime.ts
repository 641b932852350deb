// eMAG filter dates in the platform's own local time (RO and BG share a zone; HU is an hour behind).
import type { Platform } from '../../../shared/domain';

const ZONES: Record<Platform, string> = {
  'emag-ro': 'Europe/Bucharest',
  'fd-ro': 'Europe/Bucharest',
  'emag-bg': 'Europe/Sofia',
  'fd-bg': 'Europe/Sofia',
  'emag-hu': 'Europe/Budapest',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

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

/** 'YYYY-MM-DD HH:MM:SS' in the platform's local time, as eMAG's date filters expect. */
export function platformDate(date: Date, platform: Platform): string {
  return formatterFor(ZONES[platform]).format(date).replace('T', ' ');
}

/**
 * Reads a platform-local 'YYYY-MM-DD HH:MM:SS' (as eMAG sends `date` and `modified`) as an instant; NaN when the
 * text is not such a date. The zone offset is found by formatting a guess back; twice settles DST edges.
 */
export function parsePlatformDate(text: string, platform: Platform): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${platformDate(new Date(guess), platform).replace(' ', 'T')}Z`);
    guess = asUtc - (shown - guess);
  }
  return guess;
}
