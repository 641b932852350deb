// Who may talk to the bridge: only a page of its own origin (loopback, this port) holding the session token.
// The token stops other local users' pages and programs; the Origin/Host checks stop other web sites and DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, URL-safe: what the printed URL carries. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an invoke call: `Authorization: Bearer <token>`. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

const allowedHosts = (host: string, port: number): Set<string> => new Set([`${host}:${port}`, `localhost:${port}`]);
const allowedOrigins = (host: string, port: number): Set<string> =>
  new Set([`http://${host}:${port}`, `http://localhost:${port}`]);

/**
 * Why a request must be refused before it is even routed, or null. Browsers send Origin on cross-site requests
 * (and on same-origin POSTs); a request without one comes from the page itself or from a non-browser client.
 */
export function originProblem(req: IncomingMessage, host: string, port: number): string | null {
  const hostHeader = req.headers.host;
  if (typeof hostHeader !== 'string' || !allowedHosts(host, port).has(hostHeader.toLowerCase())) {
    return 'unexpected Host header';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(host, port).has(String(origin).toLowerCase())) return 'foreign Origin';
  return null;
}
