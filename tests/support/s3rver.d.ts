// The part of s3rver 3.7 (a Koa app) the tests use; the package ships no types.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface KoaContext {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    status: number;
    body: unknown;
    type: string;
    get(header: string): string;
  }
  type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;

  export default class S3rver {
    constructor(options: {
      port?: number;
      address?: string;
      silent?: boolean;
      directory: string;
      resetOnClose?: boolean;
      configureBuckets?: { name: string }[];
    });
    /** Koa's middleware stack: the tests put their signature check first. */
    middleware: Middleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
