import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, type FaultRule, type Sandbox } from '../../main/sandbox';
import { FBE, MAIN, call, results, start, type OrderLike, type Credentials } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  ({ sandbox } = await start({ ordersPerAccount: 20, offersPerAccount: 10 }));
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.setFaults([]);
  sandbox.clearRequestLog();
});

const statusSeq = async (route: string, n: number, account: Credentials = MAIN): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const reply = await call(sandbox, route, {}, account);
    out.push(reply.json.isError === false ? reply.status : -reply.status);
  }
  return out;
};

describe('fault injection', () => {
  it('http500 answers 500 with a non-JSON body', async () => {
    sandbox.setFaults([{ route: 'order/read', kind: 'http500' }]);
    const reply = await call(sandbox, 'order/read');
    expect(reply.status).toBe(500);
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
    expect(sandbox.requestLog.at(-1)).toMatchObject({ route: 'order/read', status: 500, fault: 'http500' });
  });

  it('reset destroys the connection without an answer', async () => {
    sandbox.setFaults([{ route: 'order/read', kind: 'reset' }]);
    await expect(call(sandbox, 'order/read')).rejects.toThrow();
    expect(sandbox.requestLog.at(-1)).toMatchObject({ route: 'order/read', status: 0, fault: 'reset' });
  });

  it('resetAfter does the action, then drops the connection: the answer is lost, the change is not', async () => {
    const [order] = sandbox.addOrders(MAIN.username, 1);
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'resetAfter' }]);
    await expect(call(sandbox, `order/acknowledge/${order?.id}`)).rejects.toThrow();
    expect(sandbox.requestLog.at(-1)).toMatchObject({ route: 'order/acknowledge', status: 0, fault: 'resetAfter' });
    sandbox.setFaults([]);
    const [after] = await results<OrderLike[]>(sandbox, 'order/read', { id: order?.id });
    expect(after?.status).toBe(2);
  });

  it('ipBlocked answers 200 with isError true naming the IP, and does nothing', async () => {
    const [order] = sandbox.addOrders(MAIN.username, 1);
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'ipBlocked' }]);
    const reply = await call(sandbox, `order/acknowledge/${order?.id}`);
    expect(reply.status).toBe(200);
    expect(reply.json.isError).toBe(true);
    expect(String(reply.json.messages?.[0])).toMatch(/IP 127\.0\.0\.1 is not whitelisted/);
    expect(sandbox.orders(MAIN.username).find((o) => o.id === order?.id)?.status).toBe(1);
  });

  it('slow delays and then answers normally', async () => {
    sandbox.setFaults([{ route: 'vat/read', kind: 'slow', delayMs: 150 }]);
    const started = Date.now();
    const reply = await call(sandbox, 'vat/read');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply.json.isError).toBe(false);
    expect(sandbox.requestLog.at(-1)?.fault).toBe('slow');
  });

  it('malformedJson answers 200 with truncated JSON, after the action was done', async () => {
    const [order] = sandbox.addOrders(MAIN.username, 1);
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'malformedJson' }]);
    const reply = await call(sandbox, `order/acknowledge/${order?.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/json/);
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
    sandbox.setFaults([]);
    const [after] = await results<OrderLike[]>(sandbox, 'order/read', { id: order?.id });
    expect(after?.status).toBe(2);
  });

  it('noIsError answers 200 JSON without the isError key, and does nothing', async () => {
    const [order] = sandbox.addOrders(MAIN.username, 1);
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'noIsError' }]);
    const reply = await call(sandbox, `order/acknowledge/${order?.id}`);
    expect(reply.status).toBe(200);
    expect(reply.json).not.toHaveProperty('isError');
    expect(sandbox.orders(MAIN.username).find((o) => o.id === order?.id)?.status).toBe(1);
  });

  it('isError answers isError true with a message', async () => {
    sandbox.setFaults([{ route: 'order/count', kind: 'isError' }]);
    const reply = await call(sandbox, 'order/count');
    expect(reply.status).toBe(200);
    expect(reply.json.isError).toBe(true);
    expect(reply.json.messages?.length).toBeGreaterThan(0);
  });

  it('http429 answers like the rate limiter even with budget left', async () => {
    sandbox.setFaults([{ route: 'order/read', kind: 'http429' }]);
    const reply = await call(sandbox, 'order/read');
    expect(reply.status).toBe(429);
    expect(reply.text).toBe('{"message":"API rate limit exceeded"}');
    expect(sandbox.requestLog.at(-1)).toMatchObject({ status: 429, fault: 'http429' });
  });

  it('fires on a fixed schedule (nth) or on the first `count` requests, counted per rule', async () => {
    sandbox.setFaults([{ route: 'order/read', kind: 'http500', nth: [2, 4] }]);
    expect(await statusSeq('order/read', 5)).toEqual([200, -500, 200, -500, 200]);
    sandbox.setFaults([{ route: 'order/count', kind: 'isError', count: 2 }]);
    expect(await statusSeq('order/count', 4)).toEqual([-200, -200, 200, 200]);
  });

  it('matches a route prefix, the acknowledge route with any id, and one account only', async () => {
    sandbox.setFaults([{ route: 'order', account: FBE.username, kind: 'isError' }]);
    expect(await statusSeq('order/read', 1, MAIN)).toEqual([200]);
    expect(await statusSeq('order/read', 1, FBE)).toEqual([-200]);
    expect(await statusSeq('vat/read', 1, FBE)).toEqual([200]);
    sandbox.setFaults([{ route: 'order/acknowledge', kind: 'http500' }]);
    expect((await call(sandbox, 'order/acknowledge/400000001')).status).toBe(500);
    expect((await call(sandbox, 'order/read')).status).toBe(200);
  });

  it('draws probabilities from the seeded RNG: the same seed fires on the same requests', async () => {
    const rules: FaultRule[] = [{ route: '*', kind: 'http500', probability: 0.3 }];
    const runs: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const { sandbox: other } = await start({ seed: 42, faults: rules, ordersPerAccount: 5, offersPerAccount: 5 });
      const seq: number[] = [];
      for (let i = 0; i < 40; i++) seq.push((await call(other, 'order/count')).status);
      runs.push(seq);
      await other.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    const failures = runs[0]?.filter((s) => s === 500).length ?? 0;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(25);
  });

  it('lets the first rule that fires win', async () => {
    sandbox.setFaults([
      { route: 'order/read', kind: 'http500', count: 1 },
      { route: '*', kind: 'isError', count: 5 },
    ]);
    const first = await call(sandbox, 'order/read');
    const second = await call(sandbox, 'order/read');
    expect(first.status).toBe(500);
    expect(second.json.isError).toBe(true);
  });

  it('rejects invalid rules', () => {
    expect(() => sandbox.setFaults([{ kind: 'explode' as 'reset' }])).toThrow();
    expect(() => sandbox.setFaults([{ kind: 'reset', probability: 2 }])).toThrow();
  });
});

describe('parseFaultSpec', () => {
  it('parses the CLI form', () => {
    expect(parseFaultSpec('order/read:http500:0.3,*:reset:0.1,order/acknowledge:isError:count=2')).toEqual([
      { route: 'order/read', kind: 'http500', probability: 0.3 },
      { route: '*', kind: 'reset', probability: 0.1 },
      { route: 'order/acknowledge', kind: 'isError', count: 2 },
    ]);
    expect(parseFaultSpec('vat/read:slow:delay=500:p=0.5, order:http429:nth=1/3')).toEqual([
      { route: 'vat/read', kind: 'slow', delayMs: 500, probability: 0.5 },
      { route: 'order', kind: 'http429', nth: [1, 3] },
    ]);
    expect(parseFaultSpec('awb/save:resetAfter:count=1,*:ipBlocked:nth=2')).toEqual([
      { route: 'awb/save', kind: 'resetAfter', count: 1 },
      { route: '*', kind: 'ipBlocked', nth: [2] },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
  });

  it('explains what is wrong with a bad spec', () => {
    expect(() => parseFaultSpec('order/read')).toThrow(/route:kind/);
    expect(() => parseFaultSpec('order/read:boom')).toThrow(/unknown kind/);
    expect(() => parseFaultSpec('order/read:http500:lots')).toThrow(/not a number/);
    expect(() => parseFaultSpec('order/read:http500:nth=0')).toThrow(/nth/);
    expect(() => parseFaultSpec('order/read:http500:colour=red')).toThrow();
  });
});
