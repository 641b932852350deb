// What every route handler receives, and the shape of the route table.
import type { AccountState } from '../accountState';

export interface HandlerContext {
  account: AccountState;
  /** The request payload (body, or its `data` key). */
  payload: unknown;
  /** The {id} path parameter, when the route has one. */
  param: string | undefined;
  nowMs: number;
}

/** Returns the envelope's `results`, or throws ApiRefusal for an `isError: true` answer. */
export type Handler = (ctx: HandlerContext) => unknown;

export interface RouteSpec {
  method: 'POST' | 'PATCH';
  handle: Handler;
}
