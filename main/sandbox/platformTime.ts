// eMAG dates ('YYYY-mm-dd HH:ii:ss') in a platform's own zone, the one rule MagFlow uses too (PLATFORM_ZONES in
// shared/zoneTime.ts): RO and BG accounts in Bucharest/Sofia time, HU in Budapest time. The zones follow the EU
// daylight-saving rule (last Sunday of March to last Sunday of October, 01:00 UTC), so only the standard offset
// differs; it is read from the zone database once. Hand-rolled instead of Intl per date, because formatting hundreds
// of thousands of dates through Intl would dominate data generation.
import type { Platform } from '../../shared/domain';
import { PLATFORM_ZONES, formatWallTime } from '../../shared/zoneTime';

const HOUR = 3_600_000;
const EMAG_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Epoch ms of the last Sunday of `month` (0-based) at 01:00 UTC: when EU clocks change. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

const dstCache = new Map<number, readonly [number, number]>();
function dstWindow(year: number): readonly [number, number] {
  let window = dstCache.get(year);
  if (!window) {
    window = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)] as const;
    dstCache.set(year, window);
  }
  return window;
}

/** A zone's offset from UTC in mid-January (its standard time), read from the zone database. */
function standardOffsetMs(zone: string): number {
  const january = Date.UTC(2026, 0, 15, 12, 0, 0);
  return Date.parse(`${formatWallTime(new Date(january), zone).replace(' ', 'T')}Z`) - january;
}

/** eMAG's date text in one zone, and back. */
export class EmagTime {
  constructor(private readonly standardMs: number) {}

  /** Offset from UTC at an instant: the standard offset, plus an hour in EU summer time. */
  offsetMs(epochMs: number): number {
    const [start, end] = dstWindow(new Date(epochMs).getUTCFullYear());
    return epochMs >= start && epochMs < end ? this.standardMs + HOUR : this.standardMs;
  }

  /** '2025-09-19 14:03:07' in this zone's local time. */
  format(epochMs: number): string {
    const d = new Date(epochMs + this.offsetMs(epochMs));
    return (
      `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
      `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
    );
  }

  /** The date part only: '2025-09-19'. */
  formatDay(epochMs: number): string {
    return this.format(epochMs).slice(0, 10);
  }

  /** 'YYYY-mm-dd HH:ii:ss' (local) to epoch ms; null when the text is not a real date in that form. */
  parse(text: string): number | null {
    const m = EMAG_DATE.exec(text);
    if (!m) return null;
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
    const check = new Date(asUtc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
    if (h > 23 || mi > 59 || s > 59) return null;
    // Try summer time first; in the autumn's repeated hour this picks the earlier instant.
    const summer = asUtc - this.standardMs - HOUR;
    return this.offsetMs(summer) === this.standardMs + HOUR ? summer : asUtc - this.standardMs;
  }

  /** The same wall-clock moment one calendar month later, clamped to the month's end (Jan 31 -> Feb 28/29). */
  addOneMonth(epochMs: number): number {
    const local = new Date(epochMs + this.offsetMs(epochMs));
    const y = local.getUTCFullYear();
    const m = local.getUTCMonth() + 1;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const day = Math.min(local.getUTCDate(), lastDay);
    const text = this.format(epochMs);
    const next = `${new Date(Date.UTC(y, m, 1)).getUTCFullYear()}-${pad2((m % 12) + 1)}-${pad2(day)}${text.slice(10)}`;
    return this.parse(next) ?? epochMs + 31 * 24 * HOUR;
  }
}

const byZone = new Map<string, EmagTime>();

/** eMAG's dates for a platform, in the zone MagFlow reads and filters them in. */
export function emagTimeFor(platform: Platform): EmagTime {
  const zone = PLATFORM_ZONES[platform];
  let time = byZone.get(zone);
  if (!time) {
    time = new EmagTime(standardOffsetMs(zone));
    byZone.set(zone, time);
  }
  return time;
}
