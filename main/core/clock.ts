// Time as a dependency, so jobs and repositories can be driven by a fake clock in tests; and eMAG's dates, read and
// written in each platform's zone by one rule (shared/zoneTime.ts PLATFORM_ZONES), the same one the order-changes
// filters, the order rules and the sandbox use.
import type { Platform } from '../../shared/domain';
import { PLATFORM_ZONES, formatWallTime, parseWallTime } from '../../shared/zoneTime';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** eMAG's date format in the platform's local time: 'YYYY-MM-DD HH:MM:SS' (filters, order dates). */
export function toEmagDate(date: Date, platform: Platform = 'emag-ro'): string {
  return formatWallTime(date, PLATFORM_ZONES[platform]);
}

/** Reads eMAG's 'YYYY-MM-DD HH:MM:SS' (the platform's local time) as an instant. Invalid input: an invalid Date. */
export function fromEmagDate(text: string, platform: Platform = 'emag-ro'): Date {
  return new Date(parseWallTime(text, PLATFORM_ZONES[platform]));
}

/** Today's date in the platform's local time, 'YYYY-MM-DD'. */
export const emagToday = (clock: Clock, platform: Platform = 'emag-ro'): string =>
  toEmagDate(clock.now(), platform).slice(0, 10);
