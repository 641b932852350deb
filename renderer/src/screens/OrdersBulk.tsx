// Bulk work on the orders list: the selection bar, and the dialog of the action the seller chose from it (the one
// confirmation, or the existing invoice-PDF matching for "attach invoices").
import { useState } from 'react';
import { SelectionBar, type BulkChoice } from '../components/SelectionBar';
import { useBulkInvoices } from '../stores/bulkInvoices';
import { selectedRefs, useSelection, type OrderRef } from '../stores/selection';
import { BulkDialog } from './BulkDialog';
import { BulkInvoicesDialog } from './BulkInvoices';

type Open = { kind: 'action'; choice: BulkChoice; orders: OrderRef[] } | { kind: 'invoices' } | null;

export function OrdersBulk() {
  const [open, setOpen] = useState<Open>(null);
  return (
    <>
      <SelectionBar
        onChoose={(choice) =>
          // The orders are fixed when the dialog opens: what it previews is what it sends.
          setOpen({ kind: 'action', choice, orders: selectedRefs(useSelection.getState()) })
        }
        onInvoices={() => setOpen({ kind: 'invoices' })}
      />
      {open?.kind === 'action' && (
        <BulkDialog choice={open.choice} orders={open.orders} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'invoices' && (
        <BulkInvoicesDialog
          onClose={() => {
            useBulkInvoices.getState().reset();
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
