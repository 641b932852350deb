// What every route handler receives, and the shape of the route table.
import type { AccountState } from '../accountState';

export interface HandlerContext {
  account: AccountState;
  /** The request payload (body, or its `data` key). */
  payload: unknown;
  /** The {id} path parameter, when the route has one. */
  param: string | undefined;
  /** The URL's query (awb/read_pdf takes its parameters there, by GET). */
  query: URLSearchParams;
  nowMs: number;
}

/** A handler's answer that is not eMAG's JSON envelope: a file, as awb/read_pdf sends its PDF. */
export class FileAnswer {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}
}

/** Returns the envelope's `results`, or throws ApiRefusal for an `isError: true` answer. */
export type Handler = (ctx: HandlerContext) => unknown;

export interface RouteSpec {
  method: 'POST' | 'PATCH' | 'GET';
  handle: Handler;
}
