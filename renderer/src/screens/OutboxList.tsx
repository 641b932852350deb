// The order's outbox: every action sent or waiting for eMAG, newest first.
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/domain';
import { Card } from '../components/Card';
import { useOrderDetail } from '../stores/orderDetail';
import { OutboxItem } from './OutboxItem';

export function OutboxList({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const busy = useOrderDetail((s) => s.busy);
  return (
    <Card title={t('order.outbox')} empty={order.actions.length === 0} emptyText={t('order.noActions')}>
      <ul className="action-list" data-testid="outbox-list">
        {/* Newest first, whether the list came from an event or from re-reading the order. */}
        {[...order.actions]
          .sort((a, b) => b.id - a.id)
          .map((a) => (
            <OutboxItem key={a.id} action={a} disabled={busy !== null} />
          ))}
      </ul>
    </Card>
  );
}
