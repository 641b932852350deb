// Quiet hours: a daily window (local time) in which MagFlow shows no pop-ups. It may wrap past midnight.
import type { Settings } from '../../shared/settings';

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `at` (the machine's local time) falls inside the seller's quiet hours. */
export function inQuietHours(quiet: Settings['notifications']['quietHours'], at: Date): boolean {
  if (!quiet.enabled) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  // 22:00-07:00 wraps midnight: quiet from 22:00 to 23:59 and from 00:00 to 06:59.
  return from < to ? now >= from && now < to : now >= from || now < to;
}
