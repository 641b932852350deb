// Tells the seller plainly that the data is simulated (the app runs against the local eMAG sandbox).
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/app';
import { useNavigation } from '../stores/navigation';

export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useApp((s) => s.info?.demo ?? false);
  const navigate = useNavigation((s) => s.navigate);
  if (!demo) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <strong>{t('demo.title')}</strong> {t('demo.body')}{' '}
      <button type="button" className="link-button" onClick={() => navigate({ screen: 'settings' })}>
        {t('demo.addAccount')}
      </button>
    </div>
  );
}
