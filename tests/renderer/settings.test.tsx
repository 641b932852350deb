// @vitest-environment jsdom
// Settings: accounts (test, save, remove), intervals and the other settings, the folders from app.info.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from './fakeApi';
import { renderAt } from './renderAt';
import { freshWorldEachTest, settle } from './setup';

const api = freshWorldEachTest();

describe('settings', () => {
  it("tests a saved account's connection and shows the verdict", async () => {
    api.on('accounts.test', () => ({ ok: false, errorKind: 'auth', message: 'HTTP 401 from eMAG' }));
    await renderAt({ screen: 'settings' });
    fireEvent.click(screen.getByTestId('account-test-2'));
    await settle();
    expect(api.callsTo('accounts.test')).toEqual([{ id: 2 }]);
    const verdict = screen.getByTestId('account-test-result-2');
    expect(verdict.dataset.ok).toBe('false');
    expect(verdict.textContent).toContain('Conexiunea a eșuat.');
    expect(verdict.textContent).toContain('Utilizator sau parolă greșite');
  });

  it('adds an account after testing the credentials typed in', async () => {
    await renderAt({ screen: 'settings' });
    fireEvent.click(screen.getByTestId('account-add'));
    const dialog = screen.getByTestId('account-dialog');
    fireEvent.change(within(dialog).getByTestId('account-name'), { target: { value: 'Magazin BG' } });
    fireEvent.change(within(dialog).getByTestId('account-platform'), { target: { value: 'emag-bg' } });
    fireEvent.change(within(dialog).getByTestId('account-username'), { target: { value: 'bg@example.bg' } });
    fireEvent.change(within(dialog).getByTestId('account-password'), { target: { value: 's3cret' } });
    fireEvent.click(within(dialog).getByTestId('account-test'));
    await settle();
    expect(api.callsTo('accounts.test')).toEqual([
      { platform: 'emag-bg', kind: 'main', username: 'bg@example.bg', password: 's3cret', apiUrl: null },
    ]);
    expect(within(dialog).getByTestId('account-test-result').textContent).toContain('Conexiune reușită.');
    fireEvent.click(within(dialog).getByTestId('account-save'));
    await settle();
    expect(api.callsTo('accounts.save')).toEqual([
      {
        name: 'Magazin BG',
        platform: 'emag-bg',
        kind: 'main',
        username: 'bg@example.bg',
        password: 's3cret',
        apiUrl: null,
        enabled: true,
      },
    ]);
    expect(screen.getByTestId('settings-accounts').textContent).toContain('Magazin BG');
  });

  it("shows main's input errors beside their fields in the account dialog, not in a list at the bottom", async () => {
    api.on('accounts.save', () =>
      // As main words it for a Romanian window (zod's too_big and the API URL check, from the catalogue).
      fail('validation', 'Date greșite la username: poate avea cel mult 200 de caractere', [
        { path: 'username', message: 'poate avea cel mult 200 de caractere' },
        { path: 'apiUrl', message: 'Adresa API eMAG nu este un URL valid' },
      ]),
    );
    await renderAt({ screen: 'settings' });
    const opener = screen.getByTestId('account-edit-2');
    opener.focus(); // a click focuses the button in a browser; jsdom needs it said
    fireEvent.click(opener);
    const dialog = screen.getByTestId('account-dialog');
    fireEvent.click(within(dialog).getByTestId('account-save'));
    await settle();
    expect(within(dialog).getByTestId('account-username-error').textContent).toBe(
      'poate avea cel mult 200 de caractere',
    );
    expect(within(dialog).getByTestId('account-api-url-error').textContent).toBe(
      'Adresa API eMAG nu este un URL valid',
    );
    expect(within(dialog).getByTestId('account-username').getAttribute('aria-invalid')).toBe('true');
    // The notice still says what went wrong, but does not repeat the field issues as a list.
    const notice = within(dialog).getByTestId('account-error');
    expect(notice.querySelector('ul')).toBeNull();
    // Escape closes the dialog and focus goes back to the button that opened it.
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await settle();
    expect(screen.queryByTestId('account-dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('names each notification switch and saves only the one the seller flips', async () => {
    await renderAt({ screen: 'settings' });
    const switches = {
      newOrder: screen.getByRole('checkbox', { name: 'Comandă nouă' }),
      awb: screen.getByTestId('settings-notify-awb'),
      sound: screen.getByTestId('settings-sound'),
    };
    expect(switches.newOrder).toBe(screen.getByTestId('settings-notify-newOrder'));
    expect(Object.values(switches).every((c) => (c as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(switches.awb);
    await settle();
    fireEvent.click(switches.sound);
    await settle();
    expect(api.callsTo('settings.update')).toEqual([
      { notifications: { awb: false } },
      { notifications: { sound: false } },
    ]);
    expect((screen.getByTestId('settings-notify-awb') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('settings-notify-invoice') as HTMLInputElement).checked).toBe(true);
  });

  it('saves a quiet-hours edge when the seller leaves the box with a new time, and nothing when it is unchanged', async () => {
    await renderAt({ screen: 'settings' });
    const from = screen.getByLabelText('De la') as HTMLInputElement;
    expect(from).toBe(screen.getByTestId('settings-quiet-from'));
    const savedFrom = from.value;
    fireEvent.blur(from);
    await settle();
    expect(api.callsTo('settings.update')).toEqual([]);
    fireEvent.change(from, { target: { value: '21:30' } });
    fireEvent.blur(from);
    await settle();
    const to = screen.getByTestId('settings-quiet-to') as HTMLInputElement;
    fireEvent.change(to, { target: { value: '06:15' } });
    fireEvent.blur(to);
    await settle();
    expect(api.callsTo('settings.update')).toEqual([
      { notifications: { quietHours: { from: '21:30' } } },
      { notifications: { quietHours: { to: '06:15' } } },
    ]);
    expect(savedFrom).not.toBe('21:30');
    expect((screen.getByTestId('settings-quiet-from') as HTMLInputElement).value).toBe('21:30');
  });

  it('saves a toggle at once and shows a refused interval with its reason', async () => {
    await renderAt({ screen: 'settings' });
    fireEvent.click(screen.getByTestId('settings-auto-ack'));
    await settle();
    expect(api.callsTo('settings.update')).toEqual([{ autoAcknowledge: false }]);
    expect((screen.getByTestId('settings-auto-ack') as HTMLInputElement).checked).toBe(false);

    api.on('settings.update', () =>
      fail('validation', 'Date greșite la intervals.newOrdersSec: trebuie să fie cel puțin 15', [
        { path: 'intervals.newOrdersSec', message: 'trebuie să fie cel puțin 15' },
      ]),
    );
    const field = screen.getByTestId('settings-interval-newOrdersSec');
    fireEvent.change(field, { target: { value: '5' } });
    fireEvent.blur(field);
    await settle();
    // Beside the box it belongs to (#16), not only at the top of a long screen.
    expect(screen.getByTestId('settings-interval-newOrdersSec-error').textContent).toBe('trebuie să fie cel puțin 15');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error').querySelector('ul')).toBeNull();
    // Other boxes are not marked.
    expect(screen.queryByTestId('settings-interval-ordersSec-error')).toBeNull();

    // A refused health threshold and a refused quiet hour are shown beside theirs too.
    api.on('settings.update', () =>
      fail('validation', 'Date nevalide', [{ path: 'accountHealth.sellerCancelRate', message: 'Cel mult 100' }]),
    );
    const threshold = screen.getByTestId('settings-health-sellerCancelRate');
    fireEvent.change(threshold, { target: { value: '150' } });
    fireEvent.blur(threshold);
    await settle();
    expect(screen.getByTestId('settings-health-sellerCancelRate-error').textContent).toBe('Cel mult 100');
    expect(screen.queryByTestId('settings-interval-newOrdersSec-error')).toBeNull();
  });

  it('shows the data and logs folders from app.info', async () => {
    await renderAt({ screen: 'settings' });
    expect(screen.getByTestId('settings-folders').textContent).toContain('/home/seller/.magflow/logs');
  });
});
