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
}: {
  settings: Settings;
  onSave: (patch: SettingsPatch) => Promise<void>;
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
}: {
  name: HealthFigureKey;
  value: number;
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
      testId={`settings-health-${name}`}
    />
  );
}
