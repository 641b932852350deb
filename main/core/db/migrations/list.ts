// All migrations in order. Add a new file NNN-what-it-does.ts and list it here.
import { initialSchema } from './001-initial-schema';
import { orderSearchFts } from './002-order-search-fts';
import { orderRawTable } from './003-order-raw-table';
import { needsAttention } from './004-needs-attention';
import { sendActionsJob } from './005-send-actions-job';
import { outboxReturnOfferKinds } from './006-outbox-return-offer-kinds';
import { offerLowStock } from './007-offer-low-stock';
import { returns } from './008-returns';
import { orderShipByInvoice } from './009-order-ship-by-invoice';
import { runFailureCause } from './010-run-failure-cause';
import { outboxFailureCause } from './011-outbox-failure-cause';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  orderSearchFts,
  orderRawTable,
  needsAttention,
  sendActionsJob,
  outboxReturnOfferKinds,
  offerLowStock,
  returns,
  orderShipByInvoice,
  runFailureCause,
  outboxFailureCause,
];
export const LATEST_VERSION = MIGRATIONS.length;
export type { Migration };
