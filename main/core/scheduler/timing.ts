// How far a job's first run is pushed back (random jitter).

/** At least a second, plus up to half the interval (at most 30 s): first runs spread out and off round times. */
export function firstRunDelayMs(interval: number, random: () => number): number {
  return 1_000 + Math.floor(random() * Math.min(interval / 2, 30_000));
}
