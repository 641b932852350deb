// Reading the sandbox's request log: rates, the busiest one-second window, 429s.
import type { LoggedRequest } from './sandboxProtocol';

export const ofAccount = (log: readonly LoggedRequest[], account: string) => log.filter((e) => e.account === account);

/** Most requests that arrived within any `windowMs` (sliding), as the sandbox counts them. */
export function busiestWindow(log: readonly LoggedRequest[], windowMs = 1000): number {
  const times = log.map((e) => e.at).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[start] ?? 0) <= (times[end] ?? 0) - windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const count429 = (log: readonly LoggedRequest[]): number => log.filter((e) => e.status === 429).length;
