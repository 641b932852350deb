// The database module: open + migrate, and every repository behind one typed object. Callers never write SQL.
export { createRepositories, type Repositories } from './allRepositories';
export { openDatabase, DatabaseOpenError, type Db } from './open';
export { migrate, schemaVersion } from './migrate';
export { LATEST_VERSION } from './migrations/list';
export type { OrderRecord, OrderUpsertResult, UpsertOutcome, StoredOrder } from './repositories/orders';
export type { OfferRecord } from './repositories/offers';
export type { ReturnRecord, ReturnUpsertResult, StoredReturn } from './repositories/returns';
export type { NewOutboxAction } from './repositories/outbox';
export type { RunOutcome, RunCounts } from './repositories/syncRuns';
export type { SetAsideRecord } from './repositories/needsAttention';
