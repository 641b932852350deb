// @vitest-environment jsdom
// The "passwords the OS cannot encrypt" choice: saved at once on the desktop app, shown but locked in the browser.
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { fail } from './fakeApi';
import { freshWorld, giveLayout, settle } from './setup';

beforeAll(() => giveLayout());

async function openSettings() {
  useNavigation.getState().navigate({ screen: 'settings' });
  render(<App followHash={false} eventDebounceMs={0} />);
  await settle();
  await settle();
  return screen.getByTestId('settings-unencrypted-secrets') as HTMLSelectElement;
}

describe('settings: unencrypted passwords', () => {
  it('on the desktop app shows the saved choice, offers the three answers and saves a change at once', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    api.settings = { ...api.settings, unencryptedSecrets: 'deny' };
    const select = await openSettings();
    expect(select.disabled).toBe(false);
    expect(select.value).toBe('deny');
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ['ask', 'Întreabă-mă prima dată'],
      ['allow', 'Salvează-le necriptate (într-un fișier citibil doar de tine)'],
      ['deny', 'Păstrează-le în memorie până închid aplicația'],
    ]);
    expect(screen.getByTestId('settings-unencrypted-hint').textContent).toContain('depozit de chei');

    fireEvent.change(select, { target: { value: 'allow' } });
    await settle();
    expect(api.callsTo('settings.update')).toEqual([{ unencryptedSecrets: 'allow' }]);
    expect(api.settings.unencryptedSecrets).toBe('allow');
    expect((screen.getByTestId('settings-unencrypted-secrets') as HTMLSelectElement).value).toBe('allow');
    expect(screen.getByTestId('settings-saved').textContent).not.toBe('');
  });

  it('keeps the saved choice on screen and shows the reason when main refuses the change', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    api.on('settings.update', () => fail('internal', 'the settings could not be written'));
    const select = await openSettings();
    fireEvent.change(select, { target: { value: 'allow' } });
    await settle();
    expect(screen.getByTestId('settings-error').textContent).toContain('the settings could not be written');
    expect((screen.getByTestId('settings-unencrypted-secrets') as HTMLSelectElement).value).toBe('ask');
  });

  it('in the browser is shown locked, with a hint that it belongs to the desktop app', async () => {
    const api = await freshWorld({ info: { runtime: 'browser' } });
    const select = await openSettings();
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('ask');
    expect(select.getAttribute('aria-describedby')).toBe('settings-unencrypted-hint');
    expect(screen.getByTestId('settings-unencrypted-hint').textContent).toContain('Doar în aplicația desktop');
    expect(api.callsTo('settings.update')).toEqual([]);
  });

  it('speaks English when the seller chose it', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    api.settings = { ...api.settings, language: 'en' };
    const select = await openSettings();
    expect(screen.getByText('When the system cannot encrypt passwords')).toBeTruthy();
    expect(Array.from(select.options).map((o) => o.textContent)).toContain('Keep them in memory until I quit');
  });
});
