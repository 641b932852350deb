// Dates shown in Europe/Bucharest whatever the computer's zone: ISO instants are converted, and eMAG's zone-less
// 'YYYY-MM-DD HH:MM:SS' wall times are first read in their marketplace's zone (Budapest for eMAG HU).
import type { Platform } from '../../../shared/domain';
import { BUCHAREST, parseWallTime, PLATFORM_ZONES } from '../../../shared/zoneTime';

export const DISPLAY_ZONE = BUCHAREST;

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a wall-clock time of a zone as an instant; the seconds may be left out. */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const m = NAIVE.exec(wall);
  if (!m) return null;
  const ms = parseWallTime(m[6] === undefined ? `${wall}:00` : wall, timeZone);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Parses what main sends: an ISO instant, or an eMAG wall time of `sourceZone`. */
export function parseAppDate(value: string, sourceZone: string = DISPLAY_ZONE): Date | null {
  if (NAIVE.test(value)) return wallTimeToInstant(value, sourceZone);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function platformZone(platform: string | undefined): string {
  return (platform && PLATFORM_ZONES[platform as Platform]) || DISPLAY_ZONE;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(language: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${language}:${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ro-RO', { timeZone: DISPLAY_ZONE, ...options });
    cache.set(k, f);
  }
  return f;
}

export function formatDateTime(value: string | null, language: string, sourceZone?: string): string {
  if (!value) return '—';
  const d = parseAppDate(value, sourceZone);
  if (!d) return value;
  return dtf(
    language,
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    'dt',
  ).format(d);
}

export function formatTime(value: string | null, language: string): string {
  if (!value) return '—';
  const d = parseAppDate(value);
  if (!d) return value;
  return dtf(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }, 't').format(d);
}

/** A calendar day 'YYYY-MM-DD' (already a Bucharest date) shown short, e.g. 07.03. */
export function formatDay(day: string, language: string): string {
  const m = DAY.exec(day);
  if (!m) return day;
  return language === 'en' ? `${m[3]}/${m[2]}` : `${m[3]}.${m[2]}`;
}

/** Today's date in Bucharest as 'YYYY-MM-DD' (for date-range filters). */
export function todayInBucharest(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_ZONE }).format(now);
}

export function formatDuration(ms: number | null, language: string): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toLocaleString(language === 'en' ? 'en-GB' : 'ro-RO', { maximumFractionDigits: 1 })} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
