// The eMAG accounts part of Settings: list, add, edit, remove, and "test connection" with a clear verdict.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, PLATFORMS, type Account, type AccountKind, type Platform } from '../../../shared/domain';
import type { AccountInput, ChannelInput, TestConnectionResult } from '../../../shared/ipc';
import { CallError } from '../api/errors';
import { CheckField } from '../components/CheckField';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { issuesByField } from '../components/fieldErrors';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useApp } from '../stores/app';
import { FailureExplained } from '../components/FailureExplained';

export function AccountsSection() {
  const { t } = useTranslation();
  const accounts = useApp((s) => s.accounts);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const { error, guard } = useGuardedCall();
  const [verdicts, setVerdicts] = useState<Record<number, TestConnectionResult | 'testing'>>({});

  async function test(account: Account) {
    setVerdicts((v) => ({ ...v, [account.id]: 'testing' }));
    try {
      const result = await useApp.getState().testAccount({ id: account.id });
      setVerdicts((v) => ({ ...v, [account.id]: result }));
    } catch (e) {
      const err = CallError.from(e);
      setVerdicts((v) => ({
        ...v,
        [account.id]: {
          ok: false,
          errorKind: err.kind,
          cause: err.failure?.cause ?? null,
          reason: err.failure?.reason ?? null,
          message: err.message,
        },
      }));
    }
  }

  async function remove(account: Account) {
    if (!window.confirm(t('settings.confirmRemove', { name: account.name }))) return;
    await guard(() => useApp.getState().removeAccount(account.id));
  }

  return (
    <div className="card" data-testid="settings-accounts">
      <div className="card-head">
        <h2>{t('settings.accounts')}</h2>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="account-add">
          {t('settings.addAccount')}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {accounts.length === 0 && <p className="muted">{t('settings.noAccounts')}</p>}
      <ul className="action-list">
        {accounts.map((a) => {
          const verdict = verdicts[a.id];
          return (
            <li key={a.id} className="action-item" data-testid={`account-${a.id}`}>
              <div className="action-line">
                <strong>{a.name}</strong>
                <span className="muted">
                  {t(`settings.platforms.${a.platform}`)} · {t(`settings.kinds.${a.kind}`)} · {a.username}
                </span>
                {a.isDemo && <span className="badge level-degraded">{t('settings.demoAccount')}</span>}
                {!a.enabled && <span className="badge">{t('settings.disabled')}</span>}
              </div>
              <div className="action-line">
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void test(a)}
                  disabled={verdict === 'testing'}
                  data-testid={`account-test-${a.id}`}
                >
                  {verdict === 'testing' ? t('settings.testing') : t('settings.testConnection')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setEditing(a)}
                  data-testid={`account-edit-${a.id}`}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => void remove(a)}
                  data-testid={`account-remove-${a.id}`}
                >
                  {t('common.remove')}
                </button>
              </div>
              {verdict && verdict !== 'testing' && <Verdict result={verdict} testId={`account-test-result-${a.id}`} />}
            </li>
          );
        })}
      </ul>
      {editing && <AccountDialog account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function Verdict({ result, testId }: { result: TestConnectionResult; testId: string }) {
  const { t, i18n } = useTranslation();
  const reason =
    result.errorKind && i18n.exists(`errors.emagKind.${result.errorKind}`)
      ? t(`errors.emagKind.${result.errorKind}`)
      : result.errorKind && i18n.exists(`errors.kind.${result.errorKind}`)
        ? t(`errors.kind.${result.errorKind}`)
        : null;
  return (
    <div
      className={`notice ${result.ok ? 'notice-ok' : 'notice-error'}`}
      role="status"
      data-testid={testId}
      data-ok={result.ok}
    >
      <strong>{result.ok ? t('settings.testOk') : t('settings.testFailed')}</strong>
      {result.cause ? (
        // The real cause (wrong password, IP not whitelisted, API rights...) and what to do, in the window's language.
        <FailureExplained cause={result.cause} reason={result.reason ?? null} />
      ) : (
        <>
          {reason && <span>{reason}</span>}
          {!result.ok && result.message && <span className="notice-detail">{result.message}</span>}
        </>
      )}
    </div>
  );
}

function AccountDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(account?.name ?? '');
  const [platform, setPlatform] = useState<Platform>(account?.platform ?? 'emag-ro');
  const [kind, setKind] = useState<AccountKind>(account?.kind ?? 'main');
  const [username, setUsername] = useState(account?.username ?? '');
  const [password, setPassword] = useState('');
  const [apiUrl, setApiUrl] = useState(account?.apiUrl ?? '');
  const [enabled, setEnabled] = useState(account?.enabled ?? true);
  const { error, busy, guard } = useGuardedCall();
  const [verdict, setVerdict] = useState<TestConnectionResult | null>(null);
  // main's input issues go under their own boxes; the notice keeps the rest.
  const fieldErrors = issuesByField(error);

  function input(): AccountInput {
    return {
      ...(account ? { id: account.id } : {}),
      name: name.trim(),
      platform,
      kind,
      username: username.trim(),
      ...(password ? { password } : {}),
      apiUrl: apiUrl.trim() === '' ? null : apiUrl.trim(),
      enabled,
    };
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (await guard(() => useApp.getState().saveAccount(input()))) onClose();
  }

  async function test() {
    setVerdict(null);
    // With a new password typed, test what is on screen; otherwise test the saved account.
    const request: ChannelInput<'accounts.test'> =
      password || !account
        ? { platform, kind, username: username.trim(), password, apiUrl: apiUrl.trim() === '' ? null : apiUrl.trim() }
        : { id: account.id };
    await guard(async () => setVerdict(await useApp.getState().testAccount(request)));
  }

  return (
    <Dialog
      title={account ? t('settings.editAccount', { name: account.name }) : t('settings.newAccount')}
      onClose={onClose}
      testId="account-dialog"
    >
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        <InputField
          label={t('settings.name')}
          value={name}
          required
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors.name}
          testId="account-name"
        />
        <SelectField
          label={t('settings.platform')}
          value={platform}
          onChange={(v) => setPlatform(v as Platform)}
          options={PLATFORMS.map((p) => ({ value: p, label: t(`settings.platforms.${p}`) }))}
          testId="account-platform"
        />
        <SelectField
          label={t('settings.kind')}
          value={kind}
          onChange={(v) => setKind(v as AccountKind)}
          options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`settings.kinds.${k}`) }))}
          testId="account-kind"
        />
        <InputField
          label={t('settings.username')}
          value={username}
          required
          maxLength={200}
          autoComplete="username"
          onChange={(e) => setUsername(e.target.value)}
          error={fieldErrors.username}
          testId="account-username"
        />
        <InputField
          label={t('settings.password')}
          type="password"
          value={password}
          required={!account}
          maxLength={500}
          autoComplete="current-password"
          placeholder={account ? t('settings.passwordKeep') : undefined}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          testId="account-password"
        />
        <InputField
          label={t('settings.apiUrl')}
          hint={t('settings.apiUrlHint')}
          type="url"
          value={apiUrl}
          maxLength={1024}
          onChange={(e) => setApiUrl(e.target.value)}
          error={fieldErrors.apiUrl}
          testId="account-api-url"
        />
        <CheckField label={t('settings.enabled')} checked={enabled} onChange={setEnabled} testId="account-enabled" />
        <div style={{ gridColumn: '1 / -1' }}>
          {error && (
            <ErrorNotice
              error={error}
              testId="account-error"
              fieldsShown={['name', 'username', 'password', 'apiUrl']}
            />
          )}
          {verdict && <Verdict result={verdict} testId="account-test-result" />}
        </div>
        <div className="form-actions" style={{ gridColumn: '1 / -1' }}>
          <button
            type="button"
            className="btn"
            onClick={() => void test()}
            disabled={busy || username.trim() === '' || (!account && !password)}
            data-testid="account-test"
          >
            {busy ? t('settings.testing') : t('settings.testConnection')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="account-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
