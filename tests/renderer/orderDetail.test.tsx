// @vitest-environment jsdom
// The order detail and the seller's actions on it (acknowledge, status, AWB, invoice link, outbox), driven as the
// seller would.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../shared/domain';
import { fail, makeDetail, makeOrder } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorldEachTest, settle } from './setup';

const SENDER = {
  name: 'Magazin Central SRL',
  contact: 'Ana Pop',
  phone: '0722123456',
  localityId: 8812,
  street: 'Str. Depozitului 5',
};

/** #17: the locality is chosen by name from eMAG's list (the search waits for the seller to stop typing). */
async function chooseLocality(dialog: HTMLElement, role: 'sender' | 'receiver', query: string, id: number) {
  fireEvent.change(within(dialog).getByTestId(`awb-${role}-locality-input`), { target: { value: query } });
  await act(() => new Promise<void>((r) => setTimeout(r, 350)));
  await settle();
  fireEvent.click(within(dialog).getByTestId(`awb-${role}-locality-option-${id}`));
}

async function fillSender(dialog: HTMLElement) {
  const set = (id: string, value: string) => fireEvent.change(within(dialog).getByTestId(id), { target: { value } });
  set('awb-sender-name', SENDER.name);
  set('awb-sender-contact', SENDER.contact);
  set('awb-sender-phone', '0722 123 456');
  await chooseLocality(dialog, 'sender', 'Bucu', SENDER.localityId);
  set('awb-sender-street', SENDER.street);
}

const api = freshWorldEachTest();

function optionsOf(select: HTMLElement): string[] {
  return Array.from((select as HTMLSelectElement).options)
    .map((o) => o.value)
    .filter((v) => v !== '');
}

describe('order detail', () => {
  const newOrder = makeOrder(4242, { status: 1, acknowledgedAt: null, paymentModeId: 1, totalMinor: 15_990 });

  async function clickAwb(): Promise<HTMLElement> {
    fireEvent.click(screen.getByTestId('awb-open'));
    await settle();
    return screen.getByTestId('awb-dialog');
  }

  /** The order, already acknowledged and in a status that allows an AWB, open with its AWB dialog. */
  async function openAwbDialog(status: OrderStatus): Promise<HTMLElement> {
    api.details.set('1-4242', makeDetail({ ...newOrder, status }, { canAcknowledge: false }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    return clickAwb();
  }

  beforeEach(() => {
    api.orders.push(newOrder);
    api.details.set('1-4242', makeDetail(newOrder, { canAcknowledge: true, allowedStatuses: [2, 0] }));
  });

  it('shows the lines, the addresses and the payment', async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.getByTestId('order-lines').textContent).toContain('Cană ceramică');
    expect(screen.getByTestId('address-shipping').textContent).toContain('Str. Scurtă 2');
    expect(screen.getByTestId('order-payment').textContent).toMatch(/159,90\sRON/);
  });

  it('offers only the status changes eMAG allows from here', async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(optionsOf(screen.getByTestId('change-status-select'))).toEqual(['2', '0']);
    fireEvent.change(screen.getByTestId('change-status-select'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('change-status-submit'));
    await settle();
    expect(api.callsTo('orders.changeStatus')).toEqual([{ accountId: 1, orderId: 4242, status: 2 }]);
  });

  it("asks before cancelling, with a reason from eMAG's list; nothing is queued until confirmed", async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    fireEvent.change(screen.getByTestId('change-status-select'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('change-status-submit'));
    await settle();
    // The issue: "Anulată" + "Aplică" cancelled at once, with no confirmation and no reason.
    expect(api.callsTo('orders.changeStatus')).toEqual([]);
    const dialog = screen.getByTestId('cancel-dialog');
    expect(dialog.textContent).toContain('Anulezi comanda 4242?');
    const reasons = optionsOf(within(dialog).getByTestId('cancel-reason'));
    expect(reasons).toContain('33');
    expect(reasons).not.toContain('22'); // eMAG's own automatic cancellation is not the seller's to pick
    const confirm = within(dialog).getByTestId('cancel-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByTestId('cancel-back'));
    await settle();
    expect(screen.queryByTestId('cancel-dialog')).toBeNull();
    expect(api.callsTo('orders.changeStatus')).toEqual([]);

    fireEvent.click(screen.getByTestId('change-status-submit'));
    await settle();
    fireEvent.change(screen.getByTestId('cancel-reason'), { target: { value: '33' } });
    fireEvent.click(screen.getByTestId('cancel-confirm'));
    await settle();
    expect(api.callsTo('orders.changeStatus')).toEqual([{ accountId: 1, orderId: 4242, status: 0, reason: 33 }]);

    // Held in the outbox: the seller sees what goes out, when, and can take it back.
    const notice = screen.getByTestId('undo-notice');
    expect(notice.textContent).toMatch(/„Anulată” pleacă spre eMAG în \d+ (secunde|de secunde|secundă)/);
    expect(notice.textContent).toContain('Produsul nu mai este în stocul vânzătorului');
    fireEvent.click(screen.getByTestId('undo-button'));
    await settle();
    expect(api.callsTo('outbox.undo')).toEqual([{ id: 1 }]);
    expect(screen.queryByTestId('undo-notice')).toBeNull();
  });

  it('says an FBE order needs no acknowledgement, and a seller order past "new" is acknowledged', async () => {
    api.details.set('1-4242', makeDetail({ ...newOrder, type: 2 }, { canAcknowledge: false, allowedStatuses: [] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.getByTestId('ack-not-needed').textContent).toContain('FBE');
    expect(screen.queryByTestId('acknowledge')).toBeNull();
  });

  it('a seller order eMAG shows in progress reads as acknowledged, not "only new orders"', async () => {
    api.details.set('1-4242', makeDetail({ ...newOrder, status: 2 }, { canAcknowledge: false, allowedStatuses: [3] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.getByTestId('acknowledged-at').textContent).toContain('Confirmată');
    expect(screen.queryByText(/doar comenzile noi/)).toBeNull();
  });

  it('offers no status change when eMAG allows none', async () => {
    api.details.set('1-4242', makeDetail(newOrder, { status: 4, allowedStatuses: [] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    expect(screen.queryByTestId('change-status-select')).toBeNull();
    expect(screen.getByTestId('no-transitions')).toBeTruthy();
  });

  it('acknowledges, shows the outbox state, the failure reason, and retries', async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    fireEvent.click(screen.getByTestId('acknowledge'));
    await settle();
    expect(api.callsTo('orders.acknowledge')).toEqual([{ accountId: 1, orderId: 4242 }]);
    const state = screen.getByTestId('action-state-1');
    expect(state.dataset.state).toBe('pending');
    expect(state.textContent).toBe('În așteptare');
    expect((screen.getByTestId('acknowledge') as HTMLButtonElement).disabled).toBe(true);

    const pending = {
      id: 1,
      accountId: 1,
      orderId: 4242,
      kind: 'acknowledge' as const,
      payload: {},
      state: 'failed' as const,
      attempts: 3,
      nextAttemptAt: null,
      lastError: 'eMAG: order is not in status new',
      createdAt: '2025-03-10T08:00:00Z',
      sentAt: null,
    };
    act(() => api.emit({ type: 'outbox_changed', action: pending }));
    expect(screen.getByTestId('action-state-1').dataset.state).toBe('failed');
    expect(screen.getByTestId('action-error-1').textContent).toContain('not in status new');
    fireEvent.click(screen.getByTestId('action-retry-1'));
    await settle();
    expect(api.callsTo('outbox.retry')).toEqual([{ id: 1 }]);
  });

  it('turns the "queued" feedback into "sent" when the outbox sends the action (no stale "queued")', async () => {
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    fireEvent.click(screen.getByTestId('acknowledge'));
    await settle();
    const feedback = () => screen.getByTestId('action-feedback');
    expect(feedback().dataset.state).toBe('pending');
    expect(feedback().textContent).toBe('Acțiunea a fost pusă în coada de trimitere.');
    const sent = {
      id: 1,
      accountId: 1,
      orderId: 4242,
      kind: 'acknowledge' as const,
      payload: {},
      state: 'sent' as const,
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      createdAt: '2025-03-10T08:00:00Z',
      sentAt: '2025-03-10T08:00:05Z',
    };
    act(() => api.emit({ type: 'outbox_changed', action: sent }));
    await settle();
    expect(feedback().dataset.state).toBe('sent');
    expect(feedback().textContent).toBe('Acțiunea a fost trimisă la eMAG.');
    expect(screen.queryByText('Acțiunea a fost pusă în coada de trimitere.')).toBeNull();
  });

  it("labels the status history as eMAG's time and shows each change in eMAG's zone", async () => {
    api.details.set(
      '1-4242',
      makeDetail(newOrder, {
        statusHistory: [
          { status: 1, at: '2025-03-10T08:00:00.000Z' },
          { status: 0, at: '2025-03-10T21:30:00.000Z' },
        ],
      }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const card = screen.getByTestId('status-history-card');
    expect(card.querySelector('h2')!.textContent).toBe('Istoric status (ora eMAG)');
    expect(screen.getByTestId('status-history-explain').textContent).toContain('nu ora la care l-a văzut MagFlow');
    const entries = within(screen.getByTestId('status-history')).getAllByRole('listitem');
    expect(entries.map((li) => li.dataset.at)).toEqual(['2025-03-10T08:00:00.000Z', '2025-03-10T21:30:00.000Z']);
    // 21:30 UTC is 23:30 in Bucharest (eMAG Romania's clock), whatever the machine's zone.
    expect(entries[1]!.textContent).toContain('schimbat în eMAG la');
    expect(entries[1]!.textContent).toContain('23:30');
  });

  it('generates an AWB with the courier from the list and COD prefilled from the total', async () => {
    const dialog = await openAwbDialog(2);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect((within(dialog).getByTestId('awb-cod') as HTMLInputElement).value).toBe('159.90');
    expect(optionsOf(within(dialog).getByTestId('awb-courier'))).toEqual(['7', '8']);
    fireEvent.change(within(dialog).getByTestId('awb-courier'), { target: { value: '8' } });
    fireEvent.change(within(dialog).getByTestId('awb-parcels'), { target: { value: '2' } });
    fireEvent.change(within(dialog).getByTestId('awb-weight'), { target: { value: '2,5' } });
    await fillSender(dialog);
    fireEvent.click(within(dialog).getByTestId('awb-submit'));
    await settle();
    expect(api.callsTo('orders.generateAwb')).toEqual([
      {
        accountId: 1,
        orderId: 4242,
        courierAccountId: 8,
        parcels: 2,
        envelopes: 0,
        weightKg: 2.5,
        codMinor: 15_990,
        sender: SENDER,
        // The receiver block the dialog prefilled from the order.
        receiver: {
          name: 'Client 4242',
          contact: 'Client 4242',
          phone: '0711111111',
          localityId: 13_845,
          street: 'Str. Scurtă 2',
        },
      },
    ]);
    expect(screen.queryByTestId('awb-dialog')).toBeNull();
    expect(screen.getByTestId('action-feedback').getAttribute('data-state')).toBe('pending');

    // The pickup address is remembered for the account: the next AWB starts with it.
    const again = await clickAwb();
    expect((within(again).getByTestId('awb-sender-street') as HTMLInputElement).value).toBe(SENDER.street);
    expect((within(again).getByTestId('awb-sender-locality-input') as HTMLInputElement).value).toBe(
      'București, Sector 2 (București)',
    );
    expect(within(again).getByTestId('awb-sender-locality-chosen').textContent).toContain('8812');
  });

  it('does not send an AWB without a valid pickup address and names the missing fields', async () => {
    const dialog = await openAwbDialog(2);
    fireEvent.change(within(dialog).getByTestId('awb-sender-name'), { target: { value: 'Magazin SRL' } });
    fireEvent.change(within(dialog).getByTestId('awb-sender-phone'), { target: { value: '07-12' } });
    fireEvent.click(within(dialog).getByTestId('awb-submit'));
    await settle();
    expect(api.callsTo('orders.generateAwb')).toEqual([]);
    const error = within(dialog).getByTestId('awb-error').textContent ?? '';
    expect(error).toContain('Telefon: Între 8 și 11 cifre (poate începe cu +) (ați scris „07-12”)');
    expect(error).toContain('ID localitate eMAG: Alegeți localitatea din listă');
    // #17: the locality's own error says what to do.
    expect(within(dialog).getByTestId('awb-sender-locality-error').textContent).toBe('Alegeți localitatea din listă');
    expect(error).toContain('Stradă și număr');
    expect(error).not.toContain('Nume expeditor');
  });

  it('lists the actions sent to eMAG newest first (main returns them oldest first), with the AWB number', async () => {
    const action = (id: number, kind: 'acknowledge' | 'awb') => ({
      id,
      accountId: 1,
      orderId: 4242,
      kind,
      payload: {},
      state: 'sent' as const,
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
      createdAt: `2025-03-10T08:0${id}:00Z`,
      sentAt: `2025-03-10T08:0${id}:05Z`,
    });
    const awb = { ...action(2, 'awb'), result: { awbNumber: 'SA900000001', emagId: 12 } };
    api.details.set('1-4242', makeDetail({ ...newOrder, status: 4 }, { actions: [action(1, 'acknowledge'), awb] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const items = within(screen.getByTestId('outbox-list')).getAllByRole('listitem');
    expect(items.map((item) => item.dataset.testid)).toEqual(['action-2', 'action-1']);
    // The sent AWB shows the number eMAG gave it.
    expect(screen.getByTestId('action-awb-2').textContent).toBe('Număr AWB: SA900000001');
    expect(screen.queryByTestId('action-awb-1')).toBeNull();
  });

  it('lets the seller fill the gaps of the receiver block, with the error beside each field', async () => {
    api.details.set(
      '1-4242',
      makeDetail(
        { ...newOrder, status: 2 },
        { customerDetails: { name: 'Ana Pop', shipping_contact: '', shipping_phone: '', shipping_street: '' } },
      ),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const dialog = await clickAwb();
    const box = (id: string) => within(dialog).getByTestId(id) as HTMLInputElement;
    expect(box('awb-receiver-name').value).toBe('Ana Pop');
    expect(box('awb-receiver-street').value).toBe('');
    await fillSender(dialog);
    fireEvent.click(within(dialog).getByTestId('awb-submit'));
    await settle();
    expect(api.callsTo('orders.generateAwb')).toEqual([]);
    const rules = { phone: 'Între 8 și 11 cifre (poate începe cu +)', street: 'Cel puțin 3 caractere' };
    for (const [field, rule] of Object.entries(rules)) {
      expect(box(`awb-receiver-${field}`).getAttribute('aria-invalid'), field).toBe('true');
      expect(within(dialog).getByTestId(`awb-receiver-${field}-error`).textContent).toBe(rule);
    }
    expect(box('awb-receiver-locality-input').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByTestId('awb-receiver-locality-error').textContent).toBe('Alegeți localitatea din listă');
    // The summary names each box with its rule: never a bare value or a dash (#16: "reason —").
    const summary = within(dialog).getByTestId('awb-error').textContent ?? '';
    expect(summary).toContain('Telefon: Între 8 și 11 cifre (poate începe cu +)');
    expect(summary).toContain('Stradă și număr: Cel puțin 3 caractere');
    expect(summary).not.toContain('—');
    expect(box('awb-receiver-name').getAttribute('aria-invalid')).toBeNull();

    // main checks again with the order's data and names the field it refuses; it is shown beside that field.
    api.on('orders.generateAwb', () =>
      // As main words it for a Romanian window (the schema's own reason, from the catalogue).
      fail('validation', 'Date greșite la receiver.street: cel puțin 3 caractere', [
        { path: 'receiver.street', message: 'cel puțin 3 caractere' },
      ]),
    );
    fireEvent.change(box('awb-receiver-phone'), { target: { value: '0733 000 222' } });
    await chooseLocality(dialog, 'receiver', 'Cluj', 4510);
    fireEvent.change(box('awb-receiver-street'), { target: { value: 'Str. Horea 2' } });
    fireEvent.click(within(dialog).getByTestId('awb-oversize'));
    fireEvent.click(within(dialog).getByTestId('awb-submit'));
    await settle();
    expect(api.callsTo('orders.generateAwb')[0]).toMatchObject({
      oversize: true,
      receiver: { name: 'Ana Pop', contact: 'Ana Pop', phone: '0733000222', localityId: 4510, street: 'Str. Horea 2' },
    });
    expect(within(dialog).getByTestId('awb-receiver-street-error').textContent).toBe('cel puțin 3 caractere');
  });

  it('offers only the courier accounts eMAG enforces for the order', async () => {
    api.details.set('1-4242', makeDetail({ ...newOrder, status: 2 }, { enforcedCourierAccounts: [8] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const dialog = await clickAwb();
    expect(optionsOf(within(dialog).getByTestId('awb-courier'))).toEqual(['8']);
    expect((within(dialog).getByTestId('awb-courier') as HTMLSelectElement).value).toBe('8');
  });

  it("refuses an AWB from MagFlow when eMAG's courier list for the order is empty, saying why", async () => {
    api.details.set('1-4242', makeDetail({ ...newOrder, status: 2 }, { enforcedCourierAccounts: [] }));
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    const blocked = await clickAwb();
    expect(within(blocked).getByTestId('awb-blocked').textContent).toMatch(/lista de curieri e goală/);
    expect(within(blocked).queryByTestId('awb-courier')).toBeNull();
    expect((within(blocked).getByTestId('awb-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('closes the AWB dialog with Escape', async () => {
    const dialog = await openAwbDialog(3);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('awb-dialog')).toBeNull();
  });

  it('explains a refused invoice URL beside its box, and says it once', async () => {
    api.on('orders.attachInvoice', () =>
      fail('validation', 'Date nevalide la url: eMAG primește doar PDF', [
        { path: 'url', message: 'eMAG primește doar PDF' },
      ]),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 4242 });
    fireEvent.change(screen.getByTestId('invoice-url'), { target: { value: 'https://facturi.example.ro/f1.doc' } });
    fireEvent.click(screen.getByTestId('invoice-submit'));
    await settle();
    expect(screen.getByTestId('invoice-url-error').textContent).toBe('eMAG primește doar PDF');
    expect(screen.getByTestId('invoice-url').getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByTestId('action-error');
    expect(error.textContent).toContain('Datele introduse nu sunt valide.');
    // The notice keeps its heading but does not list the issue already shown beside the box.
    expect(error.querySelector('ul')).toBeNull();
  });

  it('shows a hostile customer name literally', async () => {
    const hostile = makeOrder(31337, {
      customer: { name: '<img src=x onerror=alert(1)>', phone: null, locality: null },
    });
    api.orders.push(hostile);
    api.details.set(
      '1-31337',
      makeDetail(hostile, {
        customerDetails: { name: '<img src=x onerror=alert(1)>', shipping_street: '<script>alert(2)</script>' },
      }),
    );
    await renderAt({ screen: 'order', accountId: 1, orderId: 31337 });
    const customer = screen.getByTestId('order-customer');
    expect(customer.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(customer.textContent).toContain('<script>alert(2)</script>');
    expect(document.querySelector('img')).toBeNull();
    expect(customer.querySelector('script')).toBeNull();
  });
});
