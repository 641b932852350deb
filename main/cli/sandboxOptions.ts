// `magflow sandbox`'s option values turned into the sandbox's options (each checked, naming the flag), and the lines
// it prints once the sandbox listens.
import { parseFaultSpec, type Sandbox, type SandboxOptions } from '../sandbox';

/** A non-negative number option, or the fallback when absent; throws a one-line message naming the flag. */
export function numberOption(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`--${name} expects a non-negative number, got '${value}'`);
  }
  return n;
}

export interface SandboxCliValues {
  port?: string;
  seed?: string;
  orders?: string;
  offers?: string;
  newOrderEvery?: string;
  faults?: string;
  rateLimit?: boolean;
  /** Today's tidy answer shapes instead of the live forms. */
  plain?: boolean;
}

/** An option that must be an integer from 0 to `max` (ports, seeds, sizes). */
function integerOption(name: string, value: string | undefined, max: number, fallback?: number): number | undefined {
  const n = numberOption(name, value, fallback);
  if (n !== undefined && (!Number.isInteger(n) || n > max)) {
    throw new Error(`--${name} expects an integer from 0 to ${max}, got '${value}'`);
  }
  return n;
}

/**
 * Turns command-line strings into sandbox options (defaults: port 8787, seed 1, a new order every 30 s); sizes left
 * out when not given, so the sandbox's own defaults apply.
 */
export function sandboxOptionsFrom(values: SandboxCliValues): SandboxOptions {
  const ordersPerAccount = integerOption('orders', values.orders, 5_000_000);
  const offersPerAccount = integerOption('offers', values.offers, 1_000_000);
  return {
    port: integerOption('port', values.port, 65_535, 8787),
    seed: integerOption('seed', values.seed, 2 ** 32 - 1, 1),
    ...(ordersPerAccount !== undefined ? { ordersPerAccount } : {}),
    ...(offersPerAccount !== undefined ? { offersPerAccount } : {}),
    newOrderEverySec: numberOption('new-order-every', values.newOrderEvery, 30),
    faults: values.faults ? parseFaultSpec(values.faults) : [],
    rateLimit: values.rateLimit ?? true,
    plain: values.plain ?? false,
  };
}

/** The lines printed once the sandbox listens: its base URL, the demo accounts' credentials, what it simulates. */
export function sandboxBanner(sandbox: Sandbox, options: SandboxOptions): string[] {
  const stream = options.newOrderEverySec ?? 0;
  return [
    `eMAG sandbox listening`,
    `  MARKETPLACE_API_URL  ${sandbox.url}`,
    `  control route        ${sandbox.controlUrl}`,
    `  accounts:`,
    ...sandbox.accounts.map((a) => `    ${a.kind.padEnd(4)}  username ${a.username}  password ${a.password}`),
    `  rate limits: ${options.rateLimit === false ? 'off' : 'on (orders 12/s 720/min, other routes 3/s 180/min)'}`,
    `  demo stream: ${stream > 0 ? `a new order every ${stream} s` : 'off'}`,
    `  answers:     ${options.plain ? 'plain (tidy shapes)' : 'live forms (as eMAG sends them)'}`,
  ];
}
