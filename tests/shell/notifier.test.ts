// OS notifications: one per new order with the right words, one summary for a burst, a click opens the order,
// a failing account once per streak, AWB and invoice, and the seller's settings (per kind, sound, quiet hours).
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, MAX_SEPARATE } from '../../main/shell/notifier';
import { inQuietHours } from '../../main/shell/quietHours';
import type { SyncRun } from '../../shared/domain';
import type { OrderNewEvent } from '../../shared/events';
import type { SettingsPatch } from '../../shared/settings';
import { notifierHarness } from './notifierHarness';

const order = (orderId: number, patch: Partial<OrderNewEvent> = {}): OrderNewEvent => ({
  type: 'order_new',
  accountId: 1,
  account: 'Demo MAIN',
  orderId,
  totalMinor: 24_990,
  currency: 'RON',
  customerName: 'Ion Popescu',
  firstProduct: 'Telefon Nova X',
  ...patch,
});

const syncRun = (status: SyncRun['status'], job: SyncRun['job'] = 'new-orders', accountId = 1): SyncRun => ({
  id: 1,
  job,
  accountId,
  account: 'Demo MAIN',
  mode: 'scheduled',
  status,
  startedAt: '2026-11-23T10:00:00.000Z',
  finishedAt: '2026-11-23T10:00:01.000Z',
  durationMs: 1000,
  pages: 0,
  requests: 1,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  warnings: 0,
  error: status === 'failed' ? 'eMAG answered 503' : null,
  errorKind: status === 'failed' ? 'server' : null,
  cause: status === 'failed' ? 'emag_error' : null,
  reason: null,
});

function setup(patch: SettingsPatch = {}, now = new Date(2026, 10, 23, 12, 0)) {
  const timers: (() => void)[] = [];
  const { bus, shown, opened, notifier, setSettings } = notifierHarness({
    settings: { language: 'en', ...patch },
    accountName: (id) => (id === 1 ? 'Demo MAIN' : 'Demo FBE'),
    now: () => now,
    setTimer: (run, ms) => {
      expect(ms).toBe(COALESCE_MS);
      timers.push(run);
      return { cancel: () => timers.splice(timers.indexOf(run), 1) };
    },
  });
  return {
    bus,
    shown,
    opened,
    notifier,
    /** The coalescing timer fires. */
    tick: () => timers.splice(0).forEach((run) => run()),
    setSettings,
  };
}

describe('new-order notifications', () => {
  it('one new order: one notification with number and total in the title, customer, product and account below', () => {
    const { bus, shown, tick } = setup();
    bus.emit(order(4711));
    expect(shown).toHaveLength(0); // gathered for a moment, in case more arrive with it
    tick();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.shown).toBe(true);
    expect(shown[0]!.spec).toMatchObject({
      title: 'New order #4711 · 249.90 RON',
      body: 'Ion Popescu · Telefon Nova X\nDemo MAIN',
      silent: false,
    });
  });

  it('Romanian by default, with a decimal comma', () => {
    const { bus, shown, tick, setSettings } = setup();
    setSettings({ language: 'ro' });
    bus.emit(order(12, { customerName: null, firstProduct: null, totalMinor: 5 }));
    tick();
    expect(shown[0]!.spec.title).toBe('Comandă nouă #12 · 0,05 RON');
    expect(shown[0]!.spec.body).toBe('Client necunoscut\nDemo MAIN');
  });

  it('a few at once get one each; many at once get a single summary', () => {
    const few = setup();
    for (let i = 1; i <= MAX_SEPARATE; i++) few.bus.emit(order(i));
    few.tick();
    expect(few.shown.map((n) => n.spec.title)).toEqual(['#1', '#2', '#3'].map((id) => `New order ${id} · 249.90 RON`));

    const many = setup();
    for (let i = 1; i <= 12; i++) many.bus.emit(order(i, i > 8 ? { accountId: 2, account: 'Demo FBE' } : {}));
    many.tick();
    expect(many.shown).toHaveLength(1);
    expect(many.shown[0]!.spec.title).toBe('12 new orders');
    expect(many.shown[0]!.spec.body).toBe('Demo MAIN: 8 · Demo FBE: 4');
  });

  it('clicking an order notification opens that order; clicking the summary opens the order list', () => {
    const one = setup();
    one.bus.emit(order(4711, { accountId: 2 }));
    one.tick();
    one.shown[0]!.click();
    expect(one.opened).toEqual([{ screen: 'order', accountId: 2, orderId: 4711 }]);

    const many = setup();
    for (let i = 1; i <= 5; i++) many.bus.emit(order(i));
    many.tick();
    many.shown[0]!.click();
    expect(many.opened).toEqual([{ screen: 'orders' }]);
  });

  it('keeps each notification referenced until it is clicked or closed (else its click handler is lost)', () => {
    const { bus, shown, tick, notifier } = setup();
    bus.emit(order(1));
    bus.emit(order(2));
    tick();
    expect(notifier.live.size).toBe(2);
    shown[0]!.click();
    shown[1]!.close();
    expect(notifier.live.size).toBe(0);
  });

  it('respects the settings: new-order pop-ups off, sound off', () => {
    const off = setup({ notifications: { newOrder: false } });
    off.bus.emit(order(1));
    off.tick();
    expect(off.shown).toHaveLength(0);

    const silent = setup({ notifications: { sound: false } });
    silent.bus.emit(order(1));
    silent.tick();
    expect(silent.shown[0]!.spec.silent).toBe(true);
  });

  it('shows nothing during quiet hours, also when they wrap past midnight', () => {
    const night = setup(
      { notifications: { quietHours: { enabled: true, from: '22:00', to: '07:00' } } },
      new Date(2026, 10, 23, 23, 30),
    );
    night.bus.emit(order(1));
    night.tick();
    expect(night.shown).toHaveLength(0);

    const morning = setup(
      { notifications: { quietHours: { enabled: true, from: '22:00', to: '07:00' } } },
      new Date(2026, 10, 23, 7, 0),
    );
    morning.bus.emit(order(1));
    morning.tick();
    expect(morning.shown).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  const at = (h: number, m = 0) => new Date(2026, 0, 1, h, m);
  it('handles same-day and overnight windows, and disabled or empty windows', () => {
    const overnight = { enabled: true, from: '22:00', to: '07:00' };
    expect([at(21, 59), at(22), at(3), at(6, 59), at(7)].map((d) => inQuietHours(overnight, d))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    const lunch = { enabled: true, from: '12:00', to: '13:30' };
    expect([at(11, 59), at(12), at(13, 29), at(13, 30)].map((d) => inQuietHours(lunch, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(inQuietHours({ ...overnight, enabled: false }, at(23))).toBe(false);
    expect(inQuietHours({ enabled: true, from: '08:00', to: '08:00' }, at(8))).toBe(false);
  });
});

describe('other notifications', () => {
  it('a failing account is announced once per failure streak, not on every failed run', () => {
    const { bus, shown } = setup();
    bus.emit({ type: 'sync_finished', run: syncRun('failed') });
    bus.emit({ type: 'sync_finished', run: syncRun('failed') });
    bus.emit({ type: 'sync_finished', run: syncRun('timed_out', 'order-changes') });
    expect(shown).toHaveLength(1);
    // The cause in words (a 503 is eMAG's error, not the network) and what to do, never the English detail.
    expect(shown[0]!.spec).toMatchObject({
      title: 'Demo MAIN: sync is failing',
      body: expect.stringMatching(/^eMAG's error: .*\nNothing is wrong on your side/s),
    });
    // One job recovering while another still fails: the streak goes on.
    bus.emit({ type: 'sync_finished', run: syncRun('completed') });
    bus.emit({ type: 'sync_finished', run: syncRun('failed') });
    expect(shown).toHaveLength(1);
    // Every job recovered: the next failure starts a new streak.
    bus.emit({ type: 'sync_finished', run: syncRun('completed') });
    bus.emit({ type: 'sync_finished', run: syncRun('completed', 'order-changes') });
    bus.emit({ type: 'sync_finished', run: syncRun('failed') });
    expect(shown).toHaveLength(2);
    // Another account has its own streak; a cancelled run (quit) changes nothing.
    bus.emit({ type: 'sync_finished', run: { ...syncRun('failed', 'new-orders', 2), account: 'Demo FBE' } });
    bus.emit({ type: 'sync_finished', run: syncRun('cancelled') });
    expect(shown.map((n) => n.spec.title)).toEqual([
      'Demo MAIN: sync is failing',
      'Demo MAIN: sync is failing',
      'Demo FBE: sync is failing',
    ]);
  });

  it('AWB issued and invoice attached, each opening its order, each with its own switch', () => {
    const { bus, shown, opened, setSettings } = setup();
    bus.emit({ type: 'awb_generated', accountId: 1, orderId: 77, awbNumber: '4EMG1234' });
    bus.emit({ type: 'invoice_generated', accountId: 2, orderId: 78, url: 'https://example.test/f.pdf' });
    expect(shown.map((n) => [n.spec.title, n.spec.body])).toEqual([
      ['AWB issued for order #77', 'Demo MAIN · 4EMG1234'],
      ['Invoice attached to order #78', 'Demo FBE'],
    ]);
    shown[1]!.click();
    expect(opened).toEqual([{ screen: 'order', accountId: 2, orderId: 78 }]);

    setSettings({ notifications: { awb: false, invoice: false, syncFailure: false } });
    bus.emit({ type: 'awb_generated', accountId: 1, orderId: 79, awbNumber: null });
    bus.emit({ type: 'invoice_generated', accountId: 1, orderId: 79, url: 'https://example.test/g.pdf' });
    bus.emit({ type: 'sync_finished', run: syncRun('failed') });
    expect(shown).toHaveLength(2);
  });

  it('shows a low-stock feed row as an OS notification that opens the offers, with its own switch', () => {
    const { bus, shown, opened, setSettings } = setup();
    const lowStock = (id: number) => ({
      type: 'notification_added' as const,
      notification: {
        id,
        kind: 'low_stock' as const,
        title: 'Stoc redus: Espressor',
        body: 'Demo MAIN · 2 rămase (prag 5) · oferta 10001',
        accountId: 1,
        orderId: null,
        read: false,
        createdAt: '2026-12-01T10:00:00.000Z',
      },
    });
    bus.emit(lowStock(1));
    bus.emit({ ...lowStock(2), notification: { ...lowStock(2).notification, kind: 'awb' as const } });
    expect(shown.map((n) => [n.spec.title, n.spec.body])).toEqual([
      ['Stoc redus: Espressor', 'Demo MAIN · 2 rămase (prag 5) · oferta 10001'],
    ]);
    shown[0]!.click();
    expect(opened).toEqual([{ screen: 'offers' }]);
    setSettings({ notifications: { lowStock: false } });
    bus.emit(lowStock(3));
    expect(shown).toHaveLength(1);
  });
  it('a new return and an account-health crossing, each with its own switch (issue 18)', () => {
    const { bus, shown, opened, setSettings } = setup();
    bus.emit({
      type: 'return_new',
      accountId: 1,
      account: 'Demo MAIN',
      emagId: 2900001,
      orderId: 400000218,
      customerName: 'Ion Popescu',
      firstProduct: 'Telefon Nova X',
    });
    bus.emit({
      type: 'account_health_alert',
      accountId: 1,
      account: 'Demo MAIN',
      figure: 'lateShipmentRate',
      value: 40,
      threshold: 4,
    });
    expect(shown.map((n) => n.spec.title)).toEqual([
      'New return #2900001',
      'Demo MAIN: Late shipment rate past its limit',
    ]);
    expect(shown[0]!.spec.body).toBe('Demo MAIN · order #400000218 · Ion Popescu · Telefon Nova X');
    expect(shown[1]!.spec.body).toMatch(/^40% \(limit 4%\)\. .*eMAG's figure in the seller center is authoritative\.$/);
    shown[0]!.click();
    shown[1]!.click();
    expect(opened).toEqual([{ screen: 'returns' }, { screen: 'dashboard' }]);

    setSettings({ notifications: { newReturn: false, accountHealth: false } });
    bus.emit({
      type: 'return_new',
      accountId: 1,
      account: 'Demo MAIN',
      emagId: 2,
      orderId: null,
      customerName: null,
      firstProduct: null,
    });
    bus.emit({
      type: 'account_health_alert',
      accountId: 1,
      account: 'Demo MAIN',
      figure: 'overdue',
      value: 1,
      threshold: 0,
    });
    expect(shown).toHaveLength(2);
  });

  it('stop() unsubscribes and drops pending orders', () => {
    const { bus, shown, tick, notifier } = setup();
    bus.emit(order(1));
    notifier.stop();
    bus.emit(order(2));
    tick();
    expect(shown).toHaveLength(0);
  });
});
