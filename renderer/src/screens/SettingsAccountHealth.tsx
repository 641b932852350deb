// Settings, issue 18: the account-health thresholds. A figure past its threshold turns red on the dashboard and is
// notified once per crossing. MagFlow's defaults; a seller sets the limits their eMAG seller center shows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_FIGURES, HEALTH_FIGURE_UNIT, type HealthFigureKey } from '../../../shared/accountHealth';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { Card } from '../components/Card';
import { InputField } from '../components/InputField';

export function AccountHealthThresholds({
  settings,
  onSave,
  issue,
}: {
  settings: Settings;
  onSave: (patch: SettingsPatch) => Promise<void>;
  /** main's refusal of a box by its settings path (shown beside it). */
  issue?: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('accountHealth.settingsTitle')} testId="settings-account-health">
      <p className="muted small">{t('accountHealth.settingsHint')}</p>
      <div className="form-grid">
        {HEALTH_FIGURES.map((key) => (
          <ThresholdField
            key={`${key}-${settings.accountHealth[key]}`}
            name={key}
            value={settings.accountHealth[key]}
            onSave={onSave}
            error={issue?.(`accountHealth.${key}`)}
          />
        ))}
      </div>
    </Card>
  );
}

function ThresholdField({
  name,
  value,
  onSave,
  error,
}: {
  name: HealthFigureKey;
  value: number;
  error?: string | undefined;
  onSave: (patch: SettingsPatch) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const percent = HEALTH_FIGURE_UNIT[name] === 'percent';
  function commit() {
    const n = Number(draft);
    if (draft.trim() === '' || n === value || !Number.isFinite(n)) return;
    // Out-of-range values still go to main, whose refusal names the field and the bound.
    void onSave({ accountHealth: { [name]: n } });
  }
  return (
    <InputField
      label={t(percent ? 'accountHealth.thresholdPercent' : 'accountHealth.thresholdCount', {
        figure: t(`accountHealth.figure.${name}`),
      })}
      type="number"
      min={0}
      max={percent ? 100 : undefined}
      step={percent ? 0.1 : 1}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      error={error}
      testId={`settings-health-${name}`}
    />
  );
}
