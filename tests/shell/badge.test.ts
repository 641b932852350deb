// The badge follows the number of new (unacknowledged) orders: a number on macOS/Linux, an overlay on Windows.
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/core/events/bus';
import { createMemoryLogger } from '../../main/core/logging';
import { createBadge } from '../../main/shell/badge';
import { FakeApp, FakeImage } from './fakeElectron';
import { fakeMainWindow } from './shellSetup';

function setup(platform: NodeJS.Platform) {
  const app = new FakeApp({ userData: '/u', logs: '/l' });
  const bus = createEventBus();
  let count = 0;
  const window = fakeMainWindow();
  const badge = createBadge({
    platform,
    app,
    images: { createFromBitmap: (buffer, size) => new FakeImage(`bitmap:${buffer.length}`, size) },
    currentWindow: () => window,
    count: () => count,
    bus,
    logger: createMemoryLogger(),
    describe: (n) => `${n} new orders`,
    redrawDelayMs: 0,
  });
  return { app, bus, window, badge, setCount: (n: number) => (count = n) };
}

describe('badge', () => {
  it('follows the unacknowledged count as the core reports new and acknowledged orders (macOS, Linux)', () => {
    const { app, bus, badge, setCount } = setup('darwin');
    expect(app.badgeCounts).toEqual([0]);
    setCount(2);
    bus.emit({
      type: 'order_new',
      accountId: 1,
      account: 'A',
      orderId: 1,
      totalMinor: 100,
      currency: 'RON',
      customerName: null,
      firstProduct: null,
    });
    setCount(1);
    bus.emit({ type: 'order_update', accountId: 1, orderId: 1, fromStatus: 1, toStatus: 2 });
    // Events that cannot change the count, or the same count again, do not touch the badge.
    bus.emit({ type: 'sync_progress', job: 'offers', accountId: 1, done: 1, total: 2 });
    bus.emit({ type: 'order_update', accountId: 1, orderId: 3, fromStatus: 2, toStatus: 3 });
    expect(app.badgeCounts).toEqual([0, 2, 1]);
    expect(badge.shown()).toBe(1);
  });

  it('on Windows draws an overlay on the taskbar button, removed at zero', () => {
    const { app, window, badge, setCount } = setup('win32');
    setCount(5);
    badge.refresh();
    setCount(0);
    badge.refresh();
    expect(app.badgeCounts).toEqual([]);
    expect(window.overlays.map((o) => [o.image === null ? null : 'dot', o.description])).toEqual([
      [null, ''],
      ['dot', '5 new orders'],
      [null, ''],
    ]);
    expect((window.overlays[1]!.image as FakeImage).size).toEqual({ width: 16, height: 16 });
  });
});
