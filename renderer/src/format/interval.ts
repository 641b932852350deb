// A sync interval in words ("la fiecare 15 minute", "o dată pe zi"), never as raw seconds like 86400.
import type { TFunction } from 'i18next';

const UNITS: [unit: 'days' | 'hours' | 'minutes', seconds: number][] = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
];

/** The largest unit that divides the interval exactly; seconds when none does. */
export function intervalWords(seconds: number, t: TFunction): string {
  for (const [unit, size] of UNITS) {
    if (seconds >= size && seconds % size === 0) return t(`runs.interval.${unit}`, { count: seconds / size });
  }
  return t('runs.interval.seconds', { count: seconds });
}
