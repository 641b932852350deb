// After the machine sleeps or the network drops, the schedule is behind: waking up and coming back online both ask
// the scheduler to catch up at once. Electron's main process has no "online" event, so connectivity is polled.
import type { Logger } from '../core/logging';
import type { NetPort, PowerMonitorPort } from './ports';

export interface PowerWatchDeps {
  powerMonitor: PowerMonitorPort;
  net: NetPort;
  catchUp(reason: 'resume' | 'online'): Promise<void>;
  logger: Logger;
  pollMs?: number;
  setInterval?: (run: () => void, ms: number) => { cancel(): void };
}

export const ONLINE_POLL_MS = 15_000;

const realInterval = (run: () => void, ms: number) => {
  const handle = setInterval(run, ms);
  handle.unref?.();
  return { cancel: () => clearInterval(handle) };
};

export function watchPowerAndNetwork(deps: PowerWatchDeps): { stop(): void; checkOnline(): void } {
  let stopped = false;
  const catchUp = (reason: 'resume' | 'online') => {
    if (stopped) return;
    deps.logger.info('catching up on the schedule', { reason });
    deps.catchUp(reason).catch((error: unknown) => deps.logger.warn('catch-up failed', { reason, error }));
  };
  deps.powerMonitor.on('resume', () => catchUp('resume'));

  let online = deps.net.isOnline();
  const checkOnline = () => {
    const now = deps.net.isOnline();
    if (now && !online) catchUp('online');
    online = now;
  };
  const poll = (deps.setInterval ?? realInterval)(checkOnline, deps.pollMs ?? ONLINE_POLL_MS);
  return {
    checkOnline,
    stop() {
      stopped = true;
      poll.cancel();
    },
  };
}
