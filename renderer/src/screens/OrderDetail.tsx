// Order detail: everything eMAG said about one order, and the seller's actions on it (acknowledge, change status,
// AWB, invoice), each shown with its outbox state until eMAG confirmed it.
import { isCancellationReason } from '../../../shared/cancellationReasons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/domain';
import { Card } from '../components/Card';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateTime, Money, PaymentLabel, StatusBadge } from '../components/Formatted';
import { SimpleTable } from '../components/SimpleTable';
import { useLanguage } from '../components/useLanguage';
import { platformZone } from '../format/dates';
import { formatDecimalMoney } from '../format/money';
import { accountById } from '../stores/app';
import { useNavigation } from '../stores/navigation';
import { useOrderDetail } from '../stores/orderDetail';
import { useLiveOrders } from '../stores/orders';
import { OrderActions } from './OrderActions';
import { OutboxList } from './OutboxList';
import { openExternal } from '../components/openExternal';

export function OrderDetailScreen({ accountId, orderId }: { accountId: number; orderId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  const detail = useOrderDetail((s) => s.detail);
  const error = useOrderDetail((s) => s.error);

  useEffect(() => {
    useLiveOrders.getState().markSeen(accountId, orderId);
    void useOrderDetail.getState().open(accountId, orderId);
  }, [accountId, orderId]);

  const current = detail && detail.accountId === accountId && detail.id === orderId ? detail : null;

  return (
    <section className="page" data-testid="screen-order" aria-labelledby="order-title">
      <div className="page-head">
        <div className="head-actions">
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => navigate({ screen: 'orders' })}
            data-testid="order-back"
          >
            ← {t('order.backToList')}
          </button>
          <h1 id="order-title">{t('order.title', { id: orderId })}</h1>
          {current && <StatusBadge status={current.status} />}
        </div>
        {current && (
          <span className="muted">
            {current.account} · {t(current.type === 3 ? 'order.type3' : 'order.type2')}
          </span>
        )}
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void useOrderDetail.getState().reload()} />}
      {!current && !error && <p className="muted">{t('common.loading')}</p>}
      {current && (
        <div className="detail-grid">
          <div className="detail-col">
            <Lines order={current} />
            <Customer order={current} />
            <Vouchers order={current} />
            <History order={current} />
            <Attachments order={current} />
          </div>
          <div className="detail-col">
            <Payment order={current} />
            <OrderActions order={current} />
            <OutboxList order={current} />
          </div>
        </div>
      )}
    </section>
  );
}

/** eMAG writes an order's dates in its marketplace's local time. */
function orderZone(order: OrderDetail): string {
  return platformZone(accountById(order.accountId)?.platform);
}

/** eMAG's free-form objects hold strings and numbers; anything else is not shown. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function Lines({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card title={t('order.lines')}>
      <SimpleTable
        testId="order-lines"
        compact={false}
        columns={[
          { header: t('order.product') },
          { header: t('order.partNumber') },
          { header: t('order.quantity'), align: 'right' },
          { header: t('order.unitPrice'), align: 'right' },
          { header: t('order.vat'), align: 'right' },
        ]}
      >
        {order.lines.map((line) => (
          <tr key={line.lineId} className={line.status === 0 ? 'muted' : undefined}>
            <td>
              {line.name}
              {line.status === 0 && <span className="badge status-0"> {t('order.lineCancelled')}</span>}
              {line.partNumberKey && (
                <div className="muted small">
                  {t('order.pnk')}: {line.partNumberKey}
                </div>
              )}
            </td>
            <td>{line.partNumber ?? '—'}</td>
            <td className="align-right num">{line.quantity}</td>
            <td className="align-right num">{formatDecimalMoney(line.salePrice, line.currency, language)}</td>
            <td className="align-right num">
              {line.vat !== null && Number.isFinite(Number(line.vat)) ? `${Math.round(Number(line.vat) * 100)}%` : '—'}
            </td>
          </tr>
        ))}
      </SimpleTable>
    </Card>
  );
}

function Address({ title, c, prefix }: { title: string; c: Record<string, unknown>; prefix: 'billing' | 'shipping' }) {
  const { t } = useTranslation();
  const who = text(c[prefix === 'billing' ? 'billing_name' : 'shipping_contact']);
  const phone = text(c[`${prefix}_phone`]);
  const lines = [
    text(c[`${prefix}_street`]),
    [text(c[`${prefix}_postal_code`]), text(c[`${prefix}_city`])].filter(Boolean).join(' ') || null,
    [text(c[`${prefix}_suburb`]), text(c[`${prefix}_country`])].filter(Boolean).join(', ') || null,
  ].filter((l): l is string => l !== null);
  if (!who && !phone && lines.length === 0) return null;
  return (
    <div data-testid={`address-${prefix}`}>
      <h3>{title}</h3>
      {who && <div>{who}</div>}
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
      {phone && (
        <div className="muted">
          {t('order.phone')}: {phone}
        </div>
      )}
    </div>
  );
}

function Customer({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const c = order.customerDetails;
  const facts: [string, string | null][] = [
    [t('orders.col.customer'), text(c.name) ?? order.customer.name],
    [t('order.company'), text(c.company)],
    [t('order.taxCode'), text(c.code)],
    [t('order.phone'), text(c.phone_1) ?? order.customer.phone],
    [t('order.email'), text(c.email)],
  ];
  const shown = facts.filter((f): f is [string, string] => f[1] !== null);
  return (
    <Card title={t('order.customer')} testId="order-customer">
      {shown.length === 0 && <p className="muted">{t('order.noCustomer')}</p>}
      {shown.length > 0 && (
        <dl className="facts">
          {shown.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="addresses" style={{ marginTop: 12 }}>
        <Address title={t('order.billing')} c={c} prefix="billing" />
        <Address title={t('order.shipping')} c={c} prefix="shipping" />
      </div>
    </Card>
  );
}

/** Each voucher at what it takes off the total, VAT included (eMAG's sale_price + sale_price_vat). */
function Vouchers({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('order.vouchers')} empty={order.vouchers.length === 0} emptyText={t('order.noVouchers')}>
      <ul data-testid="order-vouchers">
        {order.vouchers.map((v, i) => (
          <li key={v.voucherId ?? i}>
            {v.name ?? '—'}: <Money minor={v.grossMinor} currency={order.currency} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Each status with the time eMAG changed it (stored from eMAG's own dates, see docs/ARCHITECTURE.md), in eMAG's zone. */
function History({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const zone = orderZone(order);
  return (
    <Card
      title={t('statusHistory.title')}
      empty={order.statusHistory.length === 0}
      emptyText={t('order.noHistory')}
      testId="status-history-card"
    >
      <p className="muted small" data-testid="status-history-explain">
        {t('statusHistory.explain')}
      </p>
      <ol className="action-list" data-testid="status-history">
        {order.statusHistory.map((h, i) => (
          <li key={`${h.at}-${i}`} className="action-line" data-at={h.at}>
            <StatusBadge status={h.status} />
            <span className="muted small">{t('statusHistory.atEmag')}</span>
            <DateTime value={h.at} zone={zone} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

function Attachments({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  if (order.attachments.length === 0) return null;
  return (
    <Card title={t('order.attachments')}>
      <ul className="action-list">
        {order.attachments.map((a, i) => {
          const url = text(a.url);
          return (
            <li key={url ?? i} className="action-line">
              <span>{text(a.name) ?? url ?? '—'}</span>
              {url && (
                <button type="button" className="link-button" onClick={() => void openExternal(url)}>
                  {t('order.openLink')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Payment({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const zone = orderZone(order);
  return (
    <Card title={t('order.payment')} testId="order-payment">
      <dl className="facts">
        <dt>{t('order.paymentMode')}</dt>
        <dd>
          <PaymentLabel modeId={order.paymentModeId} />
        </dd>
        <dt>{t('order.paymentStatus')}</dt>
        <dd>
          {order.paymentStatus === 0 || order.paymentStatus === 1 ? t(`paymentStatus.${order.paymentStatus}`) : '—'}
        </dd>
        <dt>{t('order.shippingTax')}</dt>
        <dd>
          <Money minor={order.shippingTaxMinor} currency={order.currency} />
        </dd>
        <dt>{t('order.total')}</dt>
        <dd>
          <strong>
            <Money minor={order.totalMinor} currency={order.currency} />
          </strong>
        </dd>
        {order.cancellationReason && (
          <>
            <dt>{t('order.cancellationReason')}</dt>
            <dd data-testid="cancellation-reason">
              {/* eMAG's documented codes in the window's language; an unknown code keeps eMAG's own name. */}
              {isCancellationReason(order.cancellationReason.code)
                ? t(`cancelOrder.reasons.${order.cancellationReason.code}`)
                : (order.cancellationReason.name ?? t('order.reasonCode', { code: order.cancellationReason.code }))}
            </dd>
          </>
        )}
        {order.deliveryMode && (
          <>
            <dt>{t('order.deliveryMode')}</dt>
            <dd data-testid="delivery-mode">
              {/* eMAG sends "courier" or "pickup"; another value is shown as eMAG wrote it. */}
              {order.deliveryMode === 'courier' || order.deliveryMode === 'pickup'
                ? t(`truth.delivery.${order.deliveryMode}`)
                : order.deliveryMode}
            </dd>
          </>
        )}
        <dt>{t('order.placed')}</dt>
        <dd>
          <DateTime value={order.created} zone={zone} />
        </dd>
        <dt>{t('order.modified')}</dt>
        <dd>
          <DateTime value={order.modified} zone={zone} />
        </dd>
      </dl>
    </Card>
  );
}
