// eMAG dates: 'YYYY-mm-dd HH:ii:ss' in Europe/Bucharest local time. Hand-rolled EU DST rules instead of Intl,
// because formatting hundreds of thousands of dates through Intl would dominate data generation.

const HOUR = 3_600_000;
const dstCache = new Map<number, readonly [number, number]>();

/** Epoch ms of the last Sunday of `month` (0-based) at 01:00 UTC: when EU clocks change. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

function dstWindow(year: number): readonly [number, number] {
  let window = dstCache.get(year);
  if (!window) {
    window = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)] as const;
    dstCache.set(year, window);
  }
  return window;
}

/** Offset of Bucharest from UTC at an instant: +3 h in summer time, +2 h otherwise. */
export function bucharestOffsetMs(epochMs: number): number {
  const [start, end] = dstWindow(new Date(epochMs).getUTCFullYear());
  return epochMs >= start && epochMs < end ? 3 * HOUR : 2 * HOUR;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Formats an instant as eMAG does: '2025-09-19 14:03:07' (Bucharest local time). */
export function formatEmagDate(epochMs: number): string {
  const d = new Date(epochMs + bucharestOffsetMs(epochMs));
  return (
    d.getUTCFullYear() +
    '-' +
    pad2(d.getUTCMonth() + 1) +
    '-' +
    pad2(d.getUTCDate()) +
    ' ' +
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds())
  );
}

/** Formats the date part only: '2025-09-19'. */
export function formatEmagDay(epochMs: number): string {
  return formatEmagDate(epochMs).slice(0, 10);
}

const EMAG_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses 'YYYY-mm-dd HH:ii:ss' (Bucharest local) to epoch ms; null when the text is not a real date in that form. */
export function parseEmagDate(text: string): number | null {
  const m = EMAG_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  // Try summer time first; in the autumn's repeated hour this picks the earlier instant.
  const summer = asUtc - 3 * HOUR;
  return bucharestOffsetMs(summer) === 3 * HOUR ? summer : asUtc - 2 * HOUR;
}

/** The same wall-clock moment one calendar month later, clamped to the month's end (Jan 31 -> Feb 28/29). */
export function addOneMonthLocal(epochMs: number): number {
  const local = new Date(epochMs + bucharestOffsetMs(epochMs));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const text = formatEmagDate(epochMs);
  const next = `${new Date(Date.UTC(y, m, 1)).getUTCFullYear()}-${pad2((m % 12) + 1)}-${pad2(day)}${text.slice(10)}`;
  return parseEmagDate(next) ?? epochMs + 31 * 24 * HOUR;
}
