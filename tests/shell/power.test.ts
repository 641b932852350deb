// Waking from sleep and coming back online both make the scheduler catch up.
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/logging';
import { watchPowerAndNetwork } from '../../main/shell/power';
import { FakeEmitter } from './fakeElectron';

describe('power and network', () => {
  it('resume and an offline → online change call catchUp with the reason', async () => {
    const powerMonitor = new FakeEmitter();
    let online = true;
    const reasons: string[] = [];
    let poll: () => void = () => undefined;
    const watch = watchPowerAndNetwork({
      powerMonitor,
      net: { isOnline: () => online },
      catchUp: async (reason) => void reasons.push(reason),
      logger: createMemoryLogger(),
      setInterval: (run) => {
        poll = run;
        return { cancel: () => (poll = () => undefined) };
      },
    });
    powerMonitor.emit('resume');
    poll(); // still online: nothing
    online = false;
    poll();
    poll();
    online = true;
    poll();
    poll();
    expect(reasons).toEqual(['resume', 'online']);
    watch.stop();
    powerMonitor.emit('resume');
    online = false;
    poll();
    online = true;
    poll();
    expect(reasons).toEqual(['resume', 'online']);
  });

  it('a failing catch-up is logged, not thrown', async () => {
    const powerMonitor = new FakeEmitter();
    const logger = createMemoryLogger();
    watchPowerAndNetwork({
      powerMonitor,
      net: { isOnline: () => true },
      catchUp: () => Promise.reject(new Error('database is closed')),
      logger,
      setInterval: () => ({ cancel: () => undefined }),
    });
    powerMonitor.emit('resume');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.lines().some((l) => l.includes('catch-up failed'))).toBe(true);
  });
});
