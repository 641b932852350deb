// @vitest-environment jsdom
// Settings → Updates: each state the desktop app's updater reports, in Romanian and English; the buttons; the status
// following update_status events; failures explained by their code.
import { fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { i18n } from '../../renderer/src/i18n/language';
import { updateErrorKind } from '../../renderer/src/screens/SettingsUpdates';
import { useNavigation } from '../../renderer/src/stores/navigation';
import type { UpdateStatusView } from '../../shared/updates';
import { fail, headlessUpdateStatus } from './fakeApi';
import { freshWorld, giveLayout, settle } from './setup';

beforeAll(() => giveLayout());

const desktop = (patch: Partial<UpdateStatusView>): UpdateStatusView => ({
  ...headlessUpdateStatus('0.1.0'),
  state: 'idle',
  disabledReason: null,
  feed: 'https://updates.magflow.example/desktop/',
  installer: 'deb',
  lastCheckedAt: '2026-11-23T08:00:00.000Z',
  nextCheckAt: '2026-11-23T12:00:00.000Z',
  ...patch,
});

async function openSettings() {
  useNavigation.getState().navigate({ screen: 'settings' });
  render(<App followHash={false} eventDebounceMs={0} />);
  await settle();
  await settle();
  return screen.getByTestId('settings-updates');
}
const stateText = () => screen.getByTestId('updates-state').textContent;

describe('settings: updates', () => {
  it('the browser window of the command-line MagFlow says the desktop app updates itself; no buttons', async () => {
    await freshWorld();
    const card = await openSettings();
    expect(card.textContent).toContain('Actualizări');
    expect(screen.getByTestId('updates-state').dataset['state']).toBe('disabled');
    expect(stateText()).toContain('Aplicația desktop se actualizează singură');
    expect(screen.queryByTestId('updates-check')).toBeNull();
  });

  it('downloaded: the restart button installs, the window follows the events to waiting and installing', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    let current = desktop({ state: 'downloaded', availableVersion: '0.2.0' });
    api.on('updates.status', () => current);
    api.on('updates.install', () => (current = { ...current, state: 'waiting-for-sync' }));
    await openSettings();
    expect(stateText()).toContain('MagFlow 0.2.0 este descărcat și verificat.');
    expect(stateText()).toContain('parola de administrator'); // the deb's polkit prompt
    expect(screen.getByTestId('updates-feed').textContent).toBe('https://updates.magflow.example/desktop/');
    const restart = screen.getByTestId('updates-install');
    expect(restart.textContent).toBe('Repornește pentru actualizare');

    fireEvent.click(restart);
    await settle();
    expect(api.callsTo('updates.install')).toHaveLength(1);
    expect(stateText()).toContain('O sincronizare este în curs');
    expect(screen.queryByTestId('updates-install')).toBeNull();
    act(() => api.emit({ type: 'update_status', status: { ...current, state: 'installing' } }));
    expect(stateText()).toBe('Se instalează MagFlow 0.2.0; MagFlow repornește…');

    await act(() => i18n.changeLanguage('en'));
    expect(stateText()).toBe('Installing MagFlow 0.2.0; MagFlow restarts…');
  });

  it('downloading shows the progress; "Check now" asks main and waits while busy', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    api.on('updates.status', () => desktop({}));
    api.on('updates.check', () => desktop({ state: 'checking' }));
    await openSettings();
    expect(stateText()).toBe('MagFlow 0.1.0 este cea mai nouă versiune.');
    fireEvent.click(screen.getByTestId('updates-check'));
    await settle();
    expect(api.callsTo('updates.check')).toHaveLength(1);
    expect(stateText()).toBe('Se caută actualizări…');
    expect((screen.getByTestId('updates-check') as HTMLButtonElement).disabled).toBe(true);
    const progress = { percent: 42.4, transferred: 44_460_000, total: 104_857_600, bytesPerSecond: 1e6 };
    act(() =>
      api.emit({
        type: 'update_status',
        status: desktop({ state: 'downloading', availableVersion: '0.2.0', progress }),
      }),
    );
    expect(screen.getByTestId('updates-progress').textContent).toBe('42% · 42.4 din 100.0 MB');
    expect(screen.getByRole('progressbar', { name: 'Se descarcă MagFlow 0.2.0…' }).getAttribute('aria-valuenow')).toBe(
      '42',
    );
  });

  it('a failure is explained by its code, with the updater words; a refused call is shown too', async () => {
    const api = await freshWorld({ info: { runtime: 'electron' } });
    const error = {
      code: 'ERR_CHECKSUM_MISMATCH',
      message: 'sha512 checksum mismatch, expected a, got b',
      at: '2026-11-23T08:00:00.000Z',
    };
    api.on('updates.status', () => desktop({ state: 'error', availableVersion: '0.2.0', error }));
    api.on('updates.check', () => fail('internal', 'MagFlow nu a putut finaliza updates.check; vezi jurnalul.'));
    await openSettings();
    expect(stateText()).toContain('Actualizarea nu a reușit.');
    expect(screen.getByTestId('updates-error').textContent).toContain('(sha512) și a fost șters');
    expect(screen.getByTestId('updates-error').textContent).toContain('expected a, got b');
    fireEvent.click(screen.getByTestId('updates-check'));
    await settle();
    expect(screen.getByTestId('updates-call-error').textContent).toContain('vezi jurnalul');
    // A failed install leaves the update ready, with the failure beside it.
    act(() =>
      api.emit({
        type: 'update_status',
        status: desktop({
          state: 'downloaded',
          availableVersion: '0.2.0',
          error: { ...error, code: null, message: 'Command pkexec exited with code 126' },
        }),
      }),
    );
    expect(screen.getByTestId('updates-install')).toBeTruthy();
    expect(screen.getByTestId('updates-error').textContent).toContain('pkexec exited with code 126');
  });

  it('names each kind of failure from its code', () => {
    expect(updateErrorKind('ERR_CHECKSUM_MISMATCH')).toBe('checksum');
    expect(updateErrorKind('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND')).toBe('noRelease');
    expect(updateErrorKind('HTTP_ERROR_404')).toBe('noRelease');
    expect(updateErrorKind('ERR_UPDATER_INVALID_UPDATE_INFO')).toBe('badRelease');
    expect(updateErrorKind('ERR_UPDATER_NO_CHECKSUM')).toBe('badRelease');
    expect(updateErrorKind('ERR_CONNECTION_REFUSED')).toBe('network');
    expect(updateErrorKind('ERR_NAME_NOT_RESOLVED')).toBe('network');
    expect(updateErrorKind('ERR_CERT_DATE_INVALID')).toBe('network');
    expect(updateErrorKind('HTTP_ERROR_503')).toBe('network');
    expect(updateErrorKind(null)).toBe('other');
    expect(updateErrorKind('ERR_UPDATER_OLD_FILE_NOT_FOUND')).toBe('other');
  });
});
