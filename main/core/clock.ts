// Time as a dependency, so jobs and repositories can be driven by a fake clock in tests.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock): string => clock.now().toISOString();

const bucharest = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Bucharest',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** eMAG's date format in platform-local time (Europe/Bucharest): 'YYYY-MM-DD HH:MM:SS'. */
export function toEmagDate(date: Date): string {
  return bucharest.format(date).replace('T', ' ');
}

/** Reads eMAG's 'YYYY-MM-DD HH:MM:SS' (Europe/Bucharest) as an instant. Invalid input gives an invalid Date. */
export function fromEmagDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone offset at that moment: format the guess in Bucharest time and compare; twice settles DST edges.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${toEmagDate(new Date(guess)).replace(' ', 'T')}Z`);
    guess = asUtc - (shown - guess);
  }
  return new Date(guess);
}

/** Today's date in platform-local time, 'YYYY-MM-DD'. */
export const emagToday = (clock: Clock): string => toEmagDate(clock.now()).slice(0, 10);
