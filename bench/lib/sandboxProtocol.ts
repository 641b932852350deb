// Messages between a benchmark section and its sandbox host process.

export type HostRequest = { id: number } & (
  | { type: 'start'; options: Record<string, unknown> }
  | { type: 'log' }
  | { type: 'clearLog' }
  | { type: 'addOrders'; account: string; count: number }
  | { type: 'close' }
);

export type HostReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** One request the sandbox saw (the fields the benchmarks count). */
export interface LoggedRequest {
  at: number;
  route: string;
  bucket: 'orders' | 'other';
  account: string | null;
  status: number;
}
