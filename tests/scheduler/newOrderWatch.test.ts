// The quick new-order check (issue 17 §5) against the sandbox over HTTP: one order/count per account per check, the
// full read only when eMAG counts more new orders than are stored, and then the order stored, announced and
// acknowledged at once. Timers are the test's: each check is called, nothing waits for a clock.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { silentLogger } from '../../main/core/logging';
import { createNewOrderWatch, type NewOrderWatch } from '../../main/core/scheduler/newOrderWatch';
import { createScheduler, type Scheduler } from '../../main/core/scheduler/scheduler';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createHarness, type Harness } from '../sync/harness';

const MAIN = { username: 'watch-main', password: 'main-secret', kind: 'main' as const, orders: 20, offers: 2 };
const FBE = { username: 'watch-fbe', password: 'fbe-secret', kind: 'fbe' as const, orders: 20, offers: 2 };
const FAR = () => 0.999;
const noTimer = () => ({ cancel: () => undefined });

let h: Harness | undefined;
let scheduler: Scheduler | undefined;
let watch: NewOrderWatch | undefined;
afterEach(async () => {
  watch?.stop();
  await scheduler?.stop({ abort: true });
  await h?.close();
  h = scheduler = watch = undefined;
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function setup() {
  h = await createHarness({ accounts: [MAIN, FBE], seed: 7, clock: systemClock });
  const harness = h;
  scheduler = createScheduler({
    engine: harness.engine,
    repos: harness.repos,
    bus: harness.bus,
    clock: systemClock,
    logger: silentLogger,
    settings: harness.settings,
    random: FAR, // the scheduler's own first runs are half a minute away: only the check starts a read here
  });
  watch = createNewOrderWatch({
    repos: harness.repos,
    clientFor: harness.clientFor,
    scheduler,
    settings: harness.settings,
    logger: silentLogger,
    setTimer: noTimer,
  });
  const mainId = harness.accounts[MAIN.username]!.id;
  const fbeId = harness.accounts[FBE.username]!.id;
  // The first import, then every new order of the sandbox is stored and acknowledged.
  await scheduler.syncNow();
  scheduler.start();
  return { h: harness, scheduler, watch, mainId, fbeId };
}

describe('quick new-order check', () => {
  it('costs one order/count per account while nothing is new, then reads, announces and acknowledges a new order', async () => {
    const { h, watch, mainId, fbeId } = await setup();
    const before = { count: h.requests(MAIN.username, 'order/count'), read: h.requests(MAIN.username, 'order/read') };
    const quiet = await watch.checkNow();
    expect(quiet.get(mainId)).toBe('unchanged');
    expect(quiet.get(fbeId)).toBe('unchanged');
    expect(h.requests(MAIN.username, 'order/count')).toBe(before.count + 1);
    expect(h.requests(FBE.username, 'order/count')).toBeGreaterThan(0);
    expect(h.requests(MAIN.username, 'order/read')).toBe(before.read);

    const [order] = h.sandbox.addOrders(MAIN.username, 1);
    const seen = await watch.checkNow();
    expect(seen.get(mainId)).toBe('triggered');
    expect(seen.get(fbeId)).toBe('unchanged');
    await waitFor(() => h.eventsOf('order_new').some((e) => e.orderId === order!.id), 'the announcement');
    await waitFor(
      () => h.sandbox.orders(MAIN.username).find((o) => o.id === order!.id)?.status === 2,
      'the acknowledgement at eMAG',
    );
    const run = h.repos.syncRuns.last('new-orders', mainId)!;
    // The scheduler's own run (its first since start, so 'startup'), not a sync now: the next full read is planned
    // an interval after it.
    expect(['startup', 'scheduled']).toContain(run.mode);
    expect(h.eventsOf('order_new').filter((e) => e.orderId === order!.id)).toHaveLength(1);

    // Stored and acknowledged: the next check sees nothing new and reads nothing.
    await waitFor(() => h.repos.orders.get(mainId, order!.id)?.status === 2, 'the re-read after acknowledging');
    const reads = h.requests(MAIN.username, 'order/read');
    expect((await watch.checkNow()).get(mainId)).toBe('unchanged');
    expect(h.requests(MAIN.username, 'order/read')).toBe(reads);
    expect(watch.counts()).toMatchObject({ triggers: 1, failures: 0 });
  });

  it('sees the next new order even when no check fell between the last one being acknowledged and its arrival', async () => {
    // The bench's slow samples: order A triggered a read (count 1, stored 0) and was acknowledged (stored 0 again);
    // order B arrived before any check saw the quiet state, so the check saw the same count 1 against 0 and took it
    // for the difference it had already read once, leaving B to the full read a minute later.
    const { h, watch, mainId } = await setup();
    const [first] = h.sandbox.addOrders(MAIN.username, 1);
    expect((await watch.checkNow()).get(mainId)).toBe('triggered');
    await waitFor(
      () => h.repos.orders.get(mainId, first!.id)?.status === 2,
      'the first order acknowledged and re-read',
    );

    const [second] = h.sandbox.addOrders(MAIN.username, 1);
    expect((await watch.checkNow()).get(mainId)).toBe('triggered');
    await waitFor(() => h.eventsOf('order_new').some((e) => e.orderId === second!.id), 'the second announcement');
    await waitFor(() => h.repos.orders.get(mainId, second!.id)?.status === 2, 'the second acknowledgement');
    expect(watch.counts()).toMatchObject({ triggers: 2, failures: 0 });
  });

  it('finds an FBE account new orders with type 2', async () => {
    const { h, watch, fbeId } = await setup();
    const [order] = h.sandbox.addOrders(FBE.username, 1);
    expect((await watch.checkNow()).get(fbeId)).toBe('triggered');
    await waitFor(() => h.eventsOf('order_new').some((e) => e.orderId === order!.id), 'the FBE order');
  });

  it('checks nothing while sync is paused or the check is off', async () => {
    const { h, scheduler, watch } = await setup();
    const before = h.requests(MAIN.username, 'order/count');
    scheduler.pause();
    expect((await watch.checkNow()).size).toBe(0);
    scheduler.resume();
    h.repos.settings.update({ intervals: { newOrdersCheckSec: 0 } });
    expect((await watch.checkNow()).size).toBe(0);
    expect(h.requests(MAIN.username, 'order/count')).toBe(before);
  });
});

describe('quick new-order check, a lasting difference', () => {
  it('triggers one full read for a count it cannot bring home, not one per check', async () => {
    let atEmag = 3;
    let stored = 40;
    const kicks: number[] = [];
    const account = { id: 1, name: 'MAIN', kind: 'main', enabled: true } as const;
    const local = createNewOrderWatch({
      repos: {
        accounts: { list: () => [account] } as never,
        today: { newOrdersCount: () => 2, storedOrdersCount: () => stored } as never,
      },
      clientFor: () => ({ orders: { count: async () => ({ noOfItems: atEmag }) } }) as never,
      scheduler: { kickNewOrders: (id) => (kicks.push(id), true), isPaused: () => false },
      settings: () => DEFAULT_SETTINGS,
      logger: silentLogger,
      setTimer: noTimer,
    });
    expect((await local.checkNow()).get(1)).toBe('triggered');
    expect((await local.checkNow()).get(1)).toBe('unchanged'); // e.g. one order set aside: already read once
    atEmag = 4; // another order arrives: read again
    expect((await local.checkNow()).get(1)).toBe('triggered');
    expect((await local.checkNow()).get(1)).toBe('unchanged');
    stored = 41; // that read imported an order, so the same count now is yet another order
    expect((await local.checkNow()).get(1)).toBe('triggered');
    expect(kicks).toEqual([1, 1, 1]);
  });
});
