// Settings: eMAG accounts (with a connection test), the invoice PDFs' bucket, sync intervals, auto-acknowledge,
// notifications, language, theme, start-up behaviour, what to do with passwords where the OS cannot encrypt them, and
// where MagFlow keeps its data and logs, and MagFlow's own updates. Every change is saved at once through main.
import { intervalWords } from '../format/interval';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { Card } from '../components/Card';
import { CheckField } from '../components/CheckField';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { issueAt } from '../components/fieldErrors';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SelectField } from '../components/SelectField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useApp } from '../stores/app';
import { AccountsSection } from './SettingsAccounts';
import { InvoiceBucketSection } from './SettingsInvoiceBucket';
import { ShippingSection } from './SettingsShipping';
import { UpdatesSection } from './SettingsUpdates';
import { AccountHealthThresholds } from './SettingsAccountHealth';

type IntervalKey = keyof Settings['intervals'];
/** The same bounds main enforces, so the inputs guide the seller before main has to refuse. */
const INTERVAL_BOUNDS: Record<IntervalKey, [number, number]> = {
  newOrdersSec: [15, 3600],
  orderChangesSec: [60, 86_400],
  offersSec: [300, 86_400],
  maintenanceSec: [3600, 7 * 86_400],
  healthSec: [60, 86_400],
  returnsSec: [300, 86_400],
  newOrdersCheckSec: [0, 300],
};

/** The on/off notification settings, in the order shown. */
const NOTIFICATION_SWITCHES: {
  key: Exclude<keyof Settings['notifications'], 'quietHours' | 'shipDeadlineLeadMin'>;
  labelKey: string;
  testId: string;
}[] = [
  { key: 'newOrder', labelKey: 'settings.notifyNewOrder', testId: 'settings-notify-newOrder' },
  { key: 'syncFailure', labelKey: 'settings.notifySyncFailure', testId: 'settings-notify-syncFailure' },
  { key: 'awb', labelKey: 'settings.notifyAwb', testId: 'settings-notify-awb' },
  { key: 'invoice', labelKey: 'settings.notifyInvoice', testId: 'settings-notify-invoice' },
  { key: 'lowStock', labelKey: 'offerEdit.notifyLowStock', testId: 'settings-notify-lowStock' },
  { key: 'newReturn', labelKey: 'settings.notifyNewReturn', testId: 'settings-notify-newReturn' },
  { key: 'accountHealth', labelKey: 'settings.notifyAccountHealth', testId: 'settings-notify-accountHealth' },
  { key: 'shipDeadline', labelKey: 'settings.notifyShipDeadline', testId: 'settings-notify-shipDeadline' },
  { key: 'sound', labelKey: 'settings.sound', testId: 'settings-sound' },
];

/** The settings whose every box on this screen shows main's refusal beside it: the notice does not list them again. */
const FIELDS_SHOWN = ['intervals', 'actionUndoSec', 'offers', 'notifications', 'accountHealth'] as const;

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const info = useApp((s) => s.info);
  const { error, guard } = useGuardedCall();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!useApp.getState().settings) void useApp.getState().load();
  }, []);

  /** main's refusal of one box, shown beside it (#16): every number and time box of this screen takes its path. */
  const issue = (path: string) => issueAt(error, path);

  async function save(patch: SettingsPatch) {
    setSaved(false);
    if (await guard(() => useApp.getState().updateSettings(patch))) setSaved(true);
  }

  return (
    <section className="page" data-testid="screen-settings" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <span className="muted" role="status" data-testid="settings-saved">
          {saved ? t('settings.saved') : ''}
        </span>
      </div>
      {error && <ErrorNotice error={error} testId="settings-error" fieldsShown={FIELDS_SHOWN} />}
      <AccountsSection />
      <InvoiceBucketSection />
      {settings && <ShippingSection />}
      {settings && (
        <>
          <Card title={t('settings.sync')}>
            <div className="form-grid">
              {(Object.keys(INTERVAL_BOUNDS) as IntervalKey[]).map((key) => (
                <IntervalField
                  key={`${key}-${settings.intervals[key]}`}
                  name={key}
                  value={settings.intervals[key]}
                  onSave={save}
                  error={issue(`intervals.${key}`)}
                />
              ))}
            </div>
            <CheckField
              label={t('settings.autoAcknowledge')}
              hint={t('settings.autoAcknowledgeHint')}
              checked={settings.autoAcknowledge}
              onChange={(v) => void save({ autoAcknowledge: v })}
              testId="settings-auto-ack"
            />
            <UndoWindowField
              key={`undo-${settings.actionUndoSec}`}
              value={settings.actionUndoSec}
              onSave={save}
              error={issue('actionUndoSec')}
            />
          </Card>
          <Card title={t('settings.notifications')}>
            <div className="form-grid">
              {NOTIFICATION_SWITCHES.map(({ key, labelKey, testId }) => (
                <CheckField
                  key={key}
                  label={t(labelKey)}
                  checked={settings.notifications[key]}
                  onChange={(v) => void save({ notifications: { [key]: v } })}
                  testId={testId}
                />
              ))}
              <InputField
                key={`low-stock-${settings.offers.lowStockThreshold}`}
                label={t('offerEdit.globalThreshold')}
                hint={t('offerEdit.globalThresholdHint')}
                type="number"
                min={0}
                max={65_535}
                defaultValue={settings.offers.lowStockThreshold}
                onBlur={(e) => {
                  const n = Number(e.target.value);
                  if (e.target.value.trim() !== '' && n !== settings.offers.lowStockThreshold) {
                    void save({ offers: { lowStockThreshold: n } });
                  }
                }}
                error={issue('offers.lowStockThreshold')}
                testId="settings-low-stock-threshold"
              />
            </div>
            <div className="form-grid">
              <ShipDeadlineLeadField
                value={settings.notifications.shipDeadlineLeadMin}
                onSave={save}
                error={issue('notifications.shipDeadlineLeadMin')}
              />
            </div>
            <fieldset style={{ marginTop: 12 }}>
              <legend>{t('settings.quietHours')}</legend>
              <div className="form-grid">
                <CheckField
                  label={t('settings.quietHours')}
                  checked={settings.notifications.quietHours.enabled}
                  onChange={(v) => void save({ notifications: { quietHours: { enabled: v } } })}
                  testId="settings-quiet-enabled"
                />
                <QuietHourField
                  edge="from"
                  value={settings.notifications.quietHours.from}
                  onSave={save}
                  error={issue('notifications.quietHours.from')}
                />
                <QuietHourField
                  edge="to"
                  value={settings.notifications.quietHours.to}
                  onSave={save}
                  error={issue('notifications.quietHours.to')}
                />
              </div>
            </fieldset>
          </Card>
          <AccountHealthThresholds settings={settings} onSave={save} issue={issue} />
          <Card title={t('settings.appearance')}>
            <div className="form-grid">
              <LanguageSwitch testId="settings-language" stacked />
              <SelectField
                label={t('settings.theme')}
                value={settings.theme}
                onChange={(v) => void save({ theme: v as Settings['theme'] })}
                options={(['system', 'light', 'dark'] as const).map((th) => ({
                  value: th,
                  label: t(`settings.themes.${th}`),
                }))}
                testId="settings-theme"
              />
              <CheckField
                label={t('settings.startMinimized')}
                checked={settings.startMinimized}
                onChange={(v) => void save({ startMinimized: v })}
                testId="settings-start-minimized"
              />
              <CheckField
                label={t('settings.launchAtLogin')}
                checked={settings.launchAtLogin}
                onChange={(v) => void save({ launchAtLogin: v })}
                testId="settings-launch-at-login"
              />
            </div>
          </Card>
          <Card title={t('settings.passwords')}>
            <UnencryptedSecretsField
              value={settings.unencryptedSecrets}
              desktop={info?.runtime === 'electron'}
              onSave={save}
            />
          </Card>
        </>
      )}
      <UpdatesSection />
      {info && (
        <Card title={t('settings.folders')}>
          <dl className="facts" data-testid="settings-folders">
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
            <dt>{t('settings.logsDir')}</dt>
            <dd>
              <code>{info.logsDir ?? '—'}</code>
            </dd>
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.runtime')}</dt>
            <dd>
              {info.runtime} · {info.platform}
            </dd>
          </dl>
        </Card>
      )}
    </section>
  );
}

function IntervalField({
  name,
  value,
  onSave,
  error,
}: {
  name: IntervalKey;
  value: number;
  error?: string | undefined;
  onSave: (patch: SettingsPatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [min, max] = INTERVAL_BOUNDS[name];
  const [draft, setDraft] = useState(String(value));
  function commit() {
    const n = Number(draft);
    if (draft.trim() === '' || n === value) return;
    // Out-of-range values still go to main, whose refusal names the field and the bound.
    void onSave({ intervals: { [name]: Number.isFinite(n) ? n : draft } as Partial<Settings['intervals']> });
  }
  return (
    <InputField
      label={t(`settings.intervals.${name}`)}
      type="number"
      min={min}
      max={max}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      error={error}
      testId={`settings-interval-${name}`}
      hint={Number.isFinite(Number(draft)) && Number(draft) > 0 ? intervalWords(Number(draft), t) : undefined}
    />
  );
}

/** Safe actions (#16): how long a status change waits, undoable, before it goes to eMAG. Saved like an interval. */
function UndoWindowField({
  value,
  onSave,
  error,
}: {
  value: number;
  onSave: (patch: SettingsPatch) => Promise<void>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  function commit() {
    const n = Number(draft);
    if (draft.trim() === '' || n === value) return;
    void onSave({ actionUndoSec: n });
  }
  return (
    <InputField
      label={t('settingsUndo.label')}
      hint={t('settingsUndo.hint')}
      type="number"
      min={0}
      max={60}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      error={error}
      testId="settings-undo-seconds"
    />
  );
}

/** How long before an order's shipping deadline the seller is warned (issue 17 §1). */
function ShipDeadlineLeadField({
  value,
  onSave,
  error,
}: {
  value: number;
  onSave: (patch: SettingsPatch) => Promise<void>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <InputField
      label={t('settings.shipDeadlineLeadMin')}
      type="number"
      min={15}
      max={1440}
      defaultValue={String(value)}
      key={`lead-${value}`}
      onBlur={(e) => {
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && n !== value) void onSave({ notifications: { shipDeadlineLeadMin: n } });
      }}
      error={error}
      testId="settings-ship-deadline-lead"
    />
  );
}

/**
 * Where quiet hours start or end. Saved when the seller leaves the box with a time that differs from the saved one;
 * the key remounts the box when the saved value changes elsewhere.
 */
function QuietHourField({
  edge,
  value,
  onSave,
  error,
}: {
  edge: 'from' | 'to';
  value: string;
  error?: string | undefined;
  onSave: (patch: SettingsPatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <InputField
      label={t(edge === 'from' ? 'settings.quietFrom' : 'settings.quietTo')}
      type="time"
      defaultValue={value}
      key={`${edge}-${value}`}
      onBlur={(e) =>
        e.target.value &&
        e.target.value !== value &&
        void onSave({ notifications: { quietHours: { [edge]: e.target.value } } })
      }
      error={error}
      testId={`settings-quiet-${edge}`}
    />
  );
}

const UNENCRYPTED_CHOICES = ['ask', 'allow', 'deny'] as const;

/**
 * What the desktop app does with a password when the OS keychain cannot encrypt it. Only the desktop app has that
 * store; in the browser (the CLI's `serve`) the field stays visible but disabled, so the seller knows it exists.
 */
function UnencryptedSecretsField({
  value,
  desktop,
  onSave,
}: {
  value: Settings['unencryptedSecrets'];
  desktop: boolean;
  onSave: (patch: SettingsPatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <SelectField
        label={t('settings.unencryptedSecrets')}
        value={value}
        disabled={!desktop}
        describedBy="settings-unencrypted-hint"
        onChange={(v) => void onSave({ unencryptedSecrets: v as Settings['unencryptedSecrets'] })}
        options={UNENCRYPTED_CHOICES.map((c) => ({ value: c, label: t(`settings.unencryptedChoices.${c}`) }))}
        testId="settings-unencrypted-secrets"
      />
      <div className="muted small" id="settings-unencrypted-hint" data-testid="settings-unencrypted-hint">
        {desktop ? t('settings.unencryptedSecretsHint') : t('settings.unencryptedSecretsDesktopOnly')}
      </div>
    </div>
  );
}
