// The control route (/__control, outside /api-3, no auth, loopback only): lets tests, benchmarks and the demo
// inspect the request log, change faults and the rate limit, and add or move orders while the sandbox runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultRulesSchema } from './faults';
import { readBody, sendJson } from './httpIo';
import type { EmagOrderRecord, EmagRmaRecord } from './records';
import type { FaultRule, RequestLogEntry } from './types';

export const CONTROL_PREFIX = '/__control';

/** What the control route needs from the sandbox. */
export interface ControlTarget {
  readonly requestLog: RequestLogEntry[];
  state(): unknown;
  faults(): FaultRule[];
  setFaults(rules: FaultRule[]): void;
  setRateLimit(enabled: boolean): void;
  setOrderStream(everySec: number): void;
  clearRequestLog(): void;
  addOrders(username: string, count: number, overrides?: Partial<EmagOrderRecord>): EmagOrderRecord[];
  setOrderStatus(username: string, orderId: number, status: number): void;
  addReturns(username: string, count?: number, orderId?: number): EmagRmaRecord[];
  setReturnStatus(username: string, emagId: number, status: number): void;
}

const addOrdersSchema = z.object({
  account: z.string().min(1),
  count: z.number().int().min(1).max(10_000).default(1),
  overrides: z.record(z.string(), z.unknown()).optional(),
});
const orderStatusSchema = z.object({
  account: z.string().min(1),
  orderId: z.number().int().min(1),
  status: z.number().int().min(0).max(5),
});
const addReturnsSchema = z.object({
  account: z.string().min(1),
  count: z.number().int().min(1).max(1000).default(1),
  orderId: z.number().int().min(1).optional(),
});
const returnStatusSchema = z.object({
  account: z.string().min(1),
  emagId: z.number().int().min(1),
  status: z.number().int().min(1).max(7),
});
const rateLimitSchema = z.object({ enabled: z.boolean() });
const streamSchema = z.object({ everySec: z.number().min(0).max(86_400) });
const faultsBodySchema = z.union([faultRulesSchema, z.object({ faults: faultRulesSchema })]);

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseJson<T>(schema: z.ZodType<T>, raw: string): T {
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ControlError(
      400,
      result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return result.data;
}

function filterLog(log: RequestLogEntry[], params: URLSearchParams): RequestLogEntry[] {
  const since = params.get('since');
  const account = params.get('account');
  const route = params.get('route');
  return log.filter(
    (e) =>
      (since === null || e.at >= Number(since)) &&
      (account === null || e.account === account) &&
      (route === null || e.route === route),
  );
}

export async function handleControlRequest(
  target: ControlTarget,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '') || '/';
  const key = `${req.method ?? 'GET'} ${path}`;
  try {
    const raw = await readBody(req);
    switch (key) {
      case 'GET /':
        return sendJson(res, 200, {
          routes: [
            'GET /state',
            'GET /requests?since=&account=&route=',
            'DELETE /requests',
            'GET /faults',
            'POST /faults',
            'DELETE /faults',
            'POST /orders',
            'POST /orders/status',
            'POST /returns',
            'POST /returns/status',
            'POST /rate-limit',
            'POST /stream',
          ],
        });
      case 'GET /state':
        return sendJson(res, 200, target.state());
      case 'GET /requests':
        return sendJson(res, 200, { requests: filterLog(target.requestLog, url.searchParams) });
      case 'DELETE /requests': {
        const cleared = target.requestLog.length;
        target.clearRequestLog();
        return sendJson(res, 200, { cleared });
      }
      case 'GET /faults':
        return sendJson(res, 200, { faults: target.faults() });
      case 'POST /faults': {
        const body = parseJson(faultsBodySchema, raw);
        target.setFaults(Array.isArray(body) ? body : body.faults);
        return sendJson(res, 200, { faults: target.faults() });
      }
      case 'DELETE /faults':
        target.setFaults([]);
        return sendJson(res, 200, { faults: [] });
      case 'POST /orders': {
        const body = parseJson(addOrdersSchema, raw);
        const orders = target.addOrders(
          body.account,
          body.count,
          body.overrides as Partial<EmagOrderRecord> | undefined,
        );
        return sendJson(res, 200, { orders });
      }
      case 'POST /orders/status': {
        const body = parseJson(orderStatusSchema, raw);
        target.setOrderStatus(body.account, body.orderId, body.status);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /returns': {
        const body = parseJson(addReturnsSchema, raw);
        return sendJson(res, 200, { returns: target.addReturns(body.account, body.count, body.orderId) });
      }
      case 'POST /returns/status': {
        const body = parseJson(returnStatusSchema, raw);
        target.setReturnStatus(body.account, body.emagId, body.status);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /rate-limit': {
        const body = parseJson(rateLimitSchema, raw);
        target.setRateLimit(body.enabled);
        return sendJson(res, 200, { enabled: body.enabled });
      }
      case 'POST /stream': {
        const body = parseJson(streamSchema, raw);
        target.setOrderStream(body.everySec);
        return sendJson(res, 200, { everySec: body.everySec });
      }
      default:
        throw new ControlError(404, `unknown control route '${key}'`);
    }
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 400;
    sendJson(res, status, { error: (error as Error).message });
  }
}
