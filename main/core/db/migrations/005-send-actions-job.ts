// The job that sends the outbox's actions to eMAG (acknowledge, status change, AWB, invoice) is called `send-actions`
// (it was `acknowledge`, which named only one of them): its recorded runs and watermarks follow the new name, so the
// sync history, health and the scheduler's "last run" see one job. The outbox's `acknowledge` action kind stays.
import type { Migration } from './types';

export const sendActionsJob: Migration = {
  version: 5,
  name: 'send-actions-job',
  sql: `
    UPDATE sync_runs SET job = 'send-actions' WHERE job = 'acknowledge';
    UPDATE sync_cursors SET job = 'send-actions' WHERE job = 'acknowledge';
  `,
};
