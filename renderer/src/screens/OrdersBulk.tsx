// Bulk work on the orders list: the selection bar, and the dialog of the action the seller chose from it (the one
// confirmation, or the invoice-PDF matching for "attach invoices", limited to the selected orders).
import { useState } from 'react';
import { SelectionBar, type BulkChoice } from '../components/SelectionBar';
import { useBulkInvoices } from '../stores/bulkInvoices';
import { selectedRefs, useSelection, type OrderRef } from '../stores/selection';
import { BulkDialog } from './BulkDialog';
import { BulkInvoicesDialog } from './BulkInvoices';

type Open =
  { kind: 'action'; choice: BulkChoice; orders: OrderRef[] } | { kind: 'invoices'; orders: OrderRef[] } | null;

export function OrdersBulk() {
  const [open, setOpen] = useState<Open>(null);
  // The orders are fixed when a dialog opens: what it previews is what it sends.
  const selected = () => selectedRefs(useSelection.getState());
  return (
    <>
      <SelectionBar
        onChoose={(choice) => setOpen({ kind: 'action', choice, orders: selected() })}
        onInvoices={() => setOpen({ kind: 'invoices', orders: selected() })}
      />
      {open?.kind === 'action' && (
        <BulkDialog choice={open.choice} orders={open.orders} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'invoices' && (
        <BulkInvoicesDialog
          within={open.orders}
          onClose={() => {
            useBulkInvoices.getState().reset();
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
