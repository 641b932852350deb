// @vitest-environment jsdom
// A failed outbox action in the window's language: MagFlow's own refusal from its code, eMAG's failure by its cause
// and eMAG's words, in the order detail, the today queue and the offer edit badges; Romanian and English alike. A row
// stored before failures were (English text only) still shows that text.
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionFailure } from '../../shared/actionFailures';
import type { OutboxAction } from '../../shared/domain';
import { emptyTodayCounts, type TodayQueue } from '../../shared/today';
import { useActionFailureText } from '../../renderer/src/components/ActionFailure';
import { i18n } from '../../renderer/src/i18n/language';
import { RowResult } from '../../renderer/src/screens/BulkDialog';
import { EditBadge } from '../../renderer/src/screens/OfferEditor';
import { useBulk, type BulkRow } from '../../renderer/src/stores/bulk';
import { useToday } from '../../renderer/src/stores/today';
import { makeDetail, makeOrder } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorldEachTest } from './setup';

const api = freshWorldEachTest();
beforeEach(() => useToday.setState(useToday.getInitialState(), true));

const english = () => act(() => i18n.changeLanguage('en'));

const refusal = (code: ActionFailure['code'], params: ActionFailure['params'] = {}): ActionFailure => ({
  cause: null,
  reason: null,
  code,
  params,
});

function failedAction(id: number, failure: ActionFailure | null, lastError: string): OutboxAction {
  return {
    id,
    accountId: 1,
    orderId: 4242,
    kind: 'awb',
    payload: {},
    state: 'failed',
    attempts: 1,
    nextAttemptAt: null,
    lastError,
    failure,
    createdAt: '2025-03-10T08:00:00Z',
    sentAt: null,
  };
}

describe('a failed action in the window', () => {
  const order = makeOrder(4242, { status: 2 });

  it("words MagFlow's refusal and eMAG's failure in Romanian, then in English, never main's English text", async () => {
    api.details.set(
      '1-4242',
      makeDetail(order, {
        actions: [
          failedAction(
            1,
            refusal('action.awb_courier_required', { orderId: 4242, couriers: '7, 9', count: 2 }),
            'eMAG requires one of the courier accounts 7, 9 for order 4242: choose one and retry',
          ),
          failedAction(
            2,
            { cause: 'emag_error', reason: 'Colet prea greu', code: null, params: {} },
            'eMAG rejected awb/save: Colet prea greu',
          ),
        ],
      }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const refused = () => screen.getByTestId('action-error-1').textContent;
    const emag = () => screen.getByTestId('action-error-2').textContent;
    expect(refused()).toBe(
      'eMAG cere unul dintre cele 2 conturi de curier (7, 9) pentru comanda 4242: alege unul și reîncearcă.',
    );
    expect(refused()).not.toContain('requires');
    expect(emag()).toContain('Eroare la eMAG');
    expect(emag()).toContain('eMAG a spus: „Colet prea greu”');
    expect(emag()).not.toContain('rejected');
    // Refused for good: the seller decides, MagFlow does not retry it by itself.
    expect(emag()).toContain('apoi apasă Reîncearcă');
    expect(emag()).not.toContain('reîncearcă singur');

    await english();
    expect(refused()).toBe('eMAG requires one of the 2 courier accounts (7, 9) for order 4242: choose one and retry.');
    expect(emag()).toContain('eMAG said: “Colet prea greu”');
  });

  it('uses the Romanian plural forms where a count appears', async () => {
    const counts = [1, 3, 20].map((count) =>
      failedAction(count, refusal('action.offer_many_warehouses', { offerId: 55, count }), 'x'),
    );
    api.details.set('1-4242', makeDetail(order, { actions: counts }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.getByTestId('action-error-3').textContent).toContain('în 3 depozite');
    expect(screen.getByTestId('action-error-20').textContent).toContain('în 20 de depozite');
  });

  it('shows the English text of a row stored before failures were (no code, no cause)', async () => {
    api.details.set(
      '1-4242',
      makeDetail(order, { actions: [failedAction(5, null, 'eMAG: order is not in status new')] }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.getByTestId('action-error-5').textContent).toBe('eMAG: order is not in status new');
  });

  it('words the failed actions of the today queue', async () => {
    const queue: TodayQueue = {
      generatedAt: '2026-12-02T10:00:00Z',
      autoAcknowledge: true,
      leadMinutes: 120,
      counts: { ...emptyTodayCounts(), failed: 1, total: 1 },
      items: [
        {
          bucket: 'failed',
          accountId: 1,
          account: 'MAIN',
          orderId: 4242,
          status: 4,
          customerName: 'Ion Pop',
          totalMinor: 1000,
          currency: 'RON',
          deadlineAt: null,
          overdue: false,
          dueSoon: false,
          action: {
            id: 8,
            kind: 'acknowledge',
            error: 'Orders fulfilled by eMAG (FBE) are never acknowledged',
            failure: refusal('action.fbe_never_acknowledged', { orderId: 4242 }),
          },
        },
      ],
    };
    api.on('today.get', () => queue);
    await renderAt({ screen: 'today' });
    const row = () => screen.getByTestId('today-item-failed-4242').textContent ?? '';
    expect(row()).toContain('Comenzile livrate de eMAG (FBE) nu se confirmă');
    expect(row()).not.toContain('never acknowledged');
    await english();
    expect(row()).toContain('Orders delivered by eMAG (FBE) are never acknowledged: eMAG handles them.');
  });

  it("titles a refused offer edit's badge with the reason in the window's language", async () => {
    const edit = {
      actionId: 3,
      field: 'stock' as const,
      value: '12',
      state: 'failed' as const,
      error: "Offer 55 is fulfilled by eMAG (FBE): its stock is managed by eMAG's warehouse",
      failure: refusal('action.offer_fbe_stock', { offerId: 55 }),
      at: '2026-12-02T10:00:00Z',
    };
    render(<EditBadge edit={edit} />);
    const badge = screen.getByTestId('offer-edit-stock-failed');
    expect(badge.title).toBe('Oferta 55 este livrată de eMAG (FBE): stocul ei îl ține depozitul eMAG.');
    await english();
    expect(badge.title).toBe("Offer 55 is delivered by eMAG (FBE): eMAG's warehouse keeps its stock.");
  });

  it("names a return's statuses in the refusal of a status change", async () => {
    function Line({ failure }: { failure: ActionFailure }) {
      return <span data-testid="line">{useActionFailureText()(failure, 'fallback')}</span>;
    }
    render(<Line failure={refusal('action.return_change_not_allowed', { returnId: 31, from: 3, to: 7 })} />);
    expect(screen.getByTestId('line').textContent).toBe(
      'Returul 31 are statusul „Aprobată” la eMAG: regulile eMAG nu permit trecerea în „Finalizată”.',
    );
  });
});

describe('a failed action in the bulk dialogs', () => {
  it("a bulk row keeps the outbox's failure and words it in the window's language, not main's English", async () => {
    const row: BulkRow = { accountId: 1, orderId: 4242, state: 'queued', actionId: 31 };
    useBulk.setState({ phase: 'running', rows: [row] });
    const action = {
      ...failedAction(31, refusal('action.fbe_no_awb', { orderId: 4242 }), 'eMAG ships orders it fulfils itself'),
      kind: 'acknowledge' as const,
    };
    act(() => useBulk.getState().applyOutbox(action));
    const stored = useBulk.getState().rows[0]!;
    expect(stored).toMatchObject({ state: 'failed', failure: action.failure });
    const { container, rerender } = render(<RowResult row={stored} />);
    expect(container.textContent).toContain('eMAG livrează singur comanda 4242 (FBE)');
    expect(container.textContent).not.toContain('ships orders');
    await english();
    rerender(<RowResult row={stored} />);
    expect(container.textContent).not.toContain('eMAG livrează');
    // An older row (English text only) still shows that text.
    rerender(<RowResult row={{ ...stored, failure: null }} />);
    expect(container.textContent).toContain('eMAG ships orders it fulfils itself');
    useBulk.setState({ phase: 'idle', rows: [] });
  });
});
