// The today queue in the shell (issue 17 §1): its line in the tray (tooltip and menu, ro plurals, en) and the
// shipping-deadline pop-ups (once per order, quiet hours and the switch respected, a burst summed up).
import { describe, expect, it } from 'vitest';
import { deadlineText, minutesText } from '../../main/shell/deadlineText';
import { todayLine, trayTooltip } from '../../main/shell/trayModel';
import type { SettingsPatch } from '../../shared/settings';
import { emptyTodayCounts, type TodayItem, type TodayQueue } from '../../shared/today';
import { notifierHarness } from './notifierHarness';

const counts = (patch: Partial<ReturnType<typeof emptyTodayCounts>>) => {
  const c = { ...emptyTodayCounts(), ...patch };
  c.total = c.acknowledge + c.prepare + c.ship + c.invoice + c.failed;
  return c;
};

describe('the tray line', () => {
  it('says nothing when nothing waits', () => {
    expect(todayLine(counts({}), 'ro')).toBeNull();
    expect(todayLine(null, 'en')).toBeNull();
  });

  it('names each group with its count, overdue orders with correct Romanian plurals', () => {
    expect(todayLine(counts({ acknowledge: 3, ship: 2, failed: 1, overdue: 1 }), 'ro')).toBe(
      'Azi: 3 de confirmat, 2 de predat curierului, 1 acțiune eșuată (1 depășită)',
    );
    expect(todayLine(counts({ prepare: 20, failed: 20, overdue: 20 }), 'ro')).toBe(
      'Azi: 20 de pregătit, 20 de acțiuni eșuate (20 de depășite)',
    );
    expect(todayLine(counts({ invoice: 2, failed: 2, overdue: 2 }), 'ro')).toBe(
      'Azi: 2 fără factură, 2 acțiuni eșuate (2 depășite)',
    );
    expect(todayLine(counts({ acknowledge: 1, failed: 2, overdue: 1 }), 'en')).toBe(
      'Today: 1 to acknowledge, 2 failed actions (1 overdue)',
    );
  });

  it('is a line of the tooltip', () => {
    const state = { paused: false, demo: false, jobs: [] };
    const tooltip = trayTooltip({ lang: 'en', state, newOrders: 0, demo: false, today: counts({ ship: 1 }) });
    expect(tooltip.split('\n')).toContain('Today: 1 to ship');
  });
});

const NOW = new Date('2026-12-02T10:00:00Z');
const item = (orderId: number, minutesLeft: number, patch: Partial<TodayItem> = {}): TodayItem => ({
  bucket: 'ship',
  accountId: 1,
  account: 'Magazin',
  orderId,
  status: 3,
  customerName: 'Ana Pop',
  totalMinor: 1000,
  currency: 'RON',
  deadlineAt: new Date(NOW.getTime() + minutesLeft * 60_000).toISOString(),
  overdue: minutesLeft < 0,
  dueSoon: minutesLeft >= 0 && minutesLeft <= 120,
  action: null,
  ...patch,
});

function setup(items: TodayItem[], patch: SettingsPatch = {}, now = NOW) {
  const queue = (): TodayQueue => ({
    generatedAt: now.toISOString(),
    autoAcknowledge: true,
    leadMinutes: 120,
    counts: emptyTodayCounts(),
    items,
  });
  const { notifier, shown, opened, setSettings } = notifierHarness({
    settings: { language: 'ro', ...patch },
    accountName: () => 'Magazin',
    now: () => now,
    today: queue,
    setTimer: () => ({ cancel: () => undefined }),
  });
  return { notifier, shown, opened, setSettings };
}

describe('shipping-deadline pop-ups', () => {
  it('announce an order once when its deadline comes within the lead time; a click opens it', () => {
    const { notifier, shown, opened } = setup([item(7, 90), item(8, 600), item(9, -30)]);
    notifier.checkDeadlines();
    expect(shown.map((n) => n.spec.title)).toEqual(['Comanda 7: de expediat în 1 h 30 min']);
    expect(shown[0]!.spec.body).toContain('Termenul de expediere eMAG se apropie');
    notifier.checkDeadlines();
    expect(shown).toHaveLength(1);
    shown[0]!.emit('click');
    expect(opened).toEqual([{ screen: 'order', accountId: 1, orderId: 7 }]);
  });

  it('wait out quiet hours and respect the switch', () => {
    const night = new Date(2026, 11, 2, 23, 30);
    const quiet = setup(
      [item(7, 90)],
      { notifications: { quietHours: { enabled: true, from: '22:00', to: '07:00' } } },
      night,
    );
    quiet.notifier.checkDeadlines();
    expect(quiet.shown).toHaveLength(0);
    quiet.setSettings({ notifications: { quietHours: { enabled: false } } });
    quiet.notifier.checkDeadlines(); // still near after the quiet hours: announced now
    expect(quiet.shown).toHaveLength(1);

    const off = setup([item(7, 90)], { notifications: { shipDeadline: false } });
    off.notifier.checkDeadlines();
    expect(off.shown).toHaveLength(0);
  });

  it('sum up a burst in one pop-up that opens Today', () => {
    const { notifier, shown, opened } = setup([item(1, 30), item(2, 40), item(3, 50), item(4, 60)], {
      language: 'en',
    });
    notifier.checkDeadlines();
    expect(shown.map((n) => n.spec.title)).toEqual(['4 orders near their shipping deadline']);
    shown[0]!.emit('click');
    expect(opened).toEqual([{ screen: 'today' }]);
  });

  it('words', () => {
    expect(minutesText(45)).toBe('45 min');
    expect(minutesText(125)).toBe('2 h 05 min');
    expect(deadlineText('ro', [item(1, 10), item(2, 20)], NOW).title).toBe(
      '2 comenzi aproape de termenul de expediere',
    );
    expect(
      deadlineText(
        'ro',
        Array.from({ length: 21 }, (_, i) => item(i + 1, 10)),
        NOW,
      ).title,
    ).toBe('21 de comenzi aproape de termenul de expediere');
  });
});
