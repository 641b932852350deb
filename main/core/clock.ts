// Time as a dependency, so jobs and repositories can be driven by a fake clock in tests.
import { BUCHAREST, formatWallTime, parseWallTime } from '../../shared/zoneTime';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock): string => clock.now().toISOString();

/** eMAG's date format in platform-local time (Europe/Bucharest): 'YYYY-MM-DD HH:MM:SS'. */
export function toEmagDate(date: Date): string {
  return formatWallTime(date, BUCHAREST);
}

/** Reads eMAG's 'YYYY-MM-DD HH:MM:SS' (Europe/Bucharest) as an instant. Invalid input gives an invalid Date. */
export function fromEmagDate(text: string): Date {
  return new Date(parseWallTime(text, BUCHAREST));
}

/** Today's date in platform-local time, 'YYYY-MM-DD'. */
export const emagToday = (clock: Clock): string => toEmagDate(clock.now()).slice(0, 10);
