// Test helpers for the eMAG sandbox contract tests: a controllable clock and a small authenticated caller.
import { startSandbox, type Sandbox, type SandboxOptions } from '../../main/sandbox';

export interface Credentials {
  username: string;
  password: string;
}

export const MAIN: Credentials = { username: 'demo-main', password: 'demo-main-secret' };
export const FBE: Credentials = { username: 'demo-fbe', password: 'demo-fbe-secret' };

export interface Envelope {
  isError?: boolean;
  messages?: unknown[];
  results?: unknown;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: Envelope;
}

/** A clock tests move by hand, so dates and rate-limit windows are exact. */
export class ManualClock {
  constructor(public ms = Date.UTC(2025, 8, 19, 9, 4, 42)) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * A sandbox on a manual clock. The contract tests check the sandbox's rules (filters, matrix, limits) on today's tidy
 * shapes, so they compare values directly; the live forms it answers in by default have their own tests
 * (liveForms.test.ts), and the client and the sync run against them.
 */
export async function start(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; clock: ManualClock }> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ now: clock.now, rateLimit: false, plain: true, ...options });
  return { sandbox, clock };
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function call(
  sandbox: Sandbox,
  route: string,
  body: unknown = {},
  account: { username: string; password: string } = MAIN,
  init: { method?: string; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Reply> {
  const response = await fetch(`${sandbox.url}/${route}`, {
    method: init.method ?? 'POST',
    headers: {
      Authorization: basic(account.username, account.password),
      'Content-Type': 'application/json',
      ...init.headers,
    },
    body: init.rawBody ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: Envelope = {};
  try {
    json = JSON.parse(text) as Envelope;
  } catch {
    // Left empty: a few tests look at non-JSON answers through `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Calls a route that must succeed and returns its results. */
export async function results<T = unknown>(
  sandbox: Sandbox,
  route: string,
  body: unknown = {},
  account: { username: string; password: string } = MAIN,
): Promise<T> {
  const reply = await call(sandbox, route, body, account);
  if (reply.status !== 200 || reply.json.isError !== false) {
    throw new Error(`${route} failed: ${reply.status} ${reply.text.slice(0, 300)}`);
  }
  return reply.json.results as T;
}

export interface OrderLike {
  id: number;
  status: number;
  type: number;
  payment_mode_id: number;
  is_complete: number;
  date: string;
  modified: string;
  products: { id: number; quantity: number; status: number; sale_price: string; product_id: number }[];
  [key: string]: unknown;
}

/** Reads every page of order/read for the filters. */
export async function readAllOrders(
  sandbox: Sandbox,
  filters: Record<string, unknown>,
  account: { username: string; password: string } = MAIN,
): Promise<OrderLike[]> {
  const all: OrderLike[] = [];
  for (let page = 1; ; page++) {
    const batch = await results<OrderLike[]>(
      sandbox,
      'order/read',
      { ...filters, currentPage: page, itemsPerPage: 100 },
      account,
    );
    all.push(...batch);
    if (batch.length < 100) return all;
  }
}
