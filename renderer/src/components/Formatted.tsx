// Small display pieces that format domain values in the seller's language: money, dates, order status, payment.
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../shared/domain';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useLanguage } from './useLanguage';

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const language = useLanguage();
  return <span className="num">{formatMoney(minor, currency, language)}</span>;
}

export function DateTime({ value, zone }: { value: string | null; zone?: string }) {
  const language = useLanguage();
  return <time dateTime={value ?? undefined}>{formatDateTime(value, language, zone)}</time>;
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`orderStatus.${status}`)}
    </span>
  );
}

export function PaymentLabel({ modeId }: { modeId: number | null }) {
  const { t } = useTranslation();
  if (modeId === null) return <>—</>;
  return <>{[1, 2, 3].includes(modeId) ? t(`payment.${modeId}`) : t('payment.other', { id: modeId })}</>;
}
