// Every failure names its real cause (issue 16 §1): each of eMAG's refusals and each lost answer, produced by the
// sandbox over real HTTP, maps to its own cause; an IP refusal is never "wrong password", a 500 never "network".
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { causeFromKind, FAILURE_CAUSES } from '../../shared/causes';
import { failureOf } from '../../main/core/failures/cause';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { failure } from '../emag/support/failure';
import { cleanUpSandbox, sandboxClient } from '../emag/support/sandboxClient';
import type { FaultKind } from '../../main/sandbox/types';

const SHOP = { username: 'shop-cause', password: 'cause-Pa55-word' };
const fast = { retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 1 }, breaker: { consecutiveFailures: 50 } };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 16, accounts: [{ ...SHOP, kind: 'main', orders: 3, offers: 1 }] });
});
cleanUpSandbox(() => sandbox);

async function causeOfFault(kind: FaultKind) {
  sandbox.setFaults([{ route: '*', kind }]);
  const { client } = sandboxClient(sandbox, SHOP, { ...fast, timeoutMs: 300 });
  return failureOf(await failure(client.orders.count()));
}

describe('the cause of each failure eMAG (the sandbox) produces', () => {
  it('a wrong password is "credentials"', async () => {
    const { client } = sandboxClient(sandbox, { ...SHOP, password: 'wrong' }, fast);
    expect(failureOf(await failure(client.orders.count()))).toEqual({
      cause: 'credentials',
      reason: 'Invalid username or password',
    });
  });

  it('an IP that is not whitelisted is "ip_not_whitelisted", not credentials', async () => {
    const { cause, reason } = await causeOfFault('ipBlocked');
    expect(cause).toBe('ip_not_whitelisted');
    expect(reason).toMatch(/not whitelisted/);
  });

  it('a user without API rights is "api_rights"', async () => {
    expect(await causeOfFault('noApiRights')).toEqual({
      cause: 'api_rights',
      reason: 'You are not allowed to use this API',
    });
  });

  it("an HTTP 500 is eMAG's own error, not the seller's network", async () => {
    expect((await causeOfFault('http500')).cause).toBe('emag_error');
  });

  it("isError: true is eMAG's error with its reason kept", async () => {
    expect(await causeOfFault('isError')).toEqual({
      cause: 'emag_error',
      reason: 'The request could not be processed (simulated fault)',
    });
  });

  it('HTTP 429 is "rate_limit"', async () => {
    expect((await causeOfFault('http429')).cause).toBe('rate_limit');
  });

  it('an answer that never comes in time is "timeout"', async () => {
    sandbox.setFaults([{ route: '*', kind: 'slow', delayMs: 2_000 }]);
    const { client } = sandboxClient(sandbox, SHOP, { ...fast, timeoutMs: 100 });
    expect(failureOf(await failure(client.orders.count())).cause).toBe('timeout');
  });

  it('a closed port is "network"', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const { client } = sandboxClient(sandbox, SHOP, { ...fast, apiUrl: `http://127.0.0.1:${port}/api-3` });
    expect(failureOf(await failure(client.orders.count())).cause).toBe('network');
  });
});

describe('causes of runs recorded before causes were stored', () => {
  it('an old "auth" says only "access denied" (it may have been the IP), never "credentials"', () => {
    expect(causeFromKind('auth')).toBe('access_denied');
    expect(causeFromKind('auth', 'auth.ip_not_whitelisted')).toBe('ip_not_whitelisted');
    expect(causeFromKind('transport', 'emag.server_error')).toBe('emag_error');
    expect(causeFromKind('stuck')).toBe('interrupted');
    expect(causeFromKind('something-new')).toBe('internal');
    expect(causeFromKind(null)).toBeNull();
    for (const cause of FAILURE_CAUSES) expect(causeFromKind(cause)).toBe(cause);
  });
});
