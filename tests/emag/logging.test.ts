import { describe, expect, it } from 'vitest';
import {
  childLogger,
  createConsoleLogger,
  createMemoryLogger,
  redact,
  REDACTED,
  redactText,
  withRedaction,
} from '../../main/core/logging';

describe('redact', () => {
  it('removes values of secret-looking keys at any depth, keeping the rest', () => {
    const out = redact({
      user: 'shop',
      password: 'hunter22',
      nested: { Authorization: 'Basic abc', apiKey: 'k', list: [{ token: 't', ok: 1 }] },
    });
    expect(out).toEqual({
      user: 'shop',
      password: REDACTED,
      nested: { Authorization: REDACTED, apiKey: REDACTED, list: [{ token: REDACTED, ok: 1 }] },
    });
  });

  it('removes Basic/Bearer tokens, URL credentials and key=value secrets from text', () => {
    const text = redactText(
      'auth header Basic c2hvcDpodW50ZXIy and Bearer eyJabc.def, url https://shop:hunter22@host/x, form password=hunter22&x=1',
    );
    expect(text).not.toMatch(/c2hvcDpodW50ZXIy|eyJabc|hunter22/);
    expect(text).toContain(`Basic ${REDACTED}`);
    expect(text).toContain(`https://${REDACTED}@host/x`);
    expect(text).toContain('x=1');
  });

  it('removes configured secrets wherever they appear, including URL-encoded and inside errors', () => {
    const secret = 'p@ss w0rd"1';
    const error = new Error(`login failed for p@ss w0rd"1`);
    const out = JSON.stringify(
      redact(
        { note: `value ${secret}`, encoded: encodeURIComponent(secret), error, deep: { x: [secret] } },
        { secrets: [secret] },
      ),
    );
    expect(out).not.toContain('w0rd');
    expect(out).toContain(REDACTED);
    expect(out).toContain('login failed');
  });

  it('survives cycles, Headers and odd values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const headers = new Headers({ authorization: 'Basic xyz', accept: 'application/json' });
    const out = redact({ cyclic, headers, big: 10n, fn: () => 1, at: new Date(0) }) as Record<string, unknown>;
    expect((out.cyclic as Record<string, unknown>).self).toBe('[Circular]');
    expect(out.headers).toEqual({ authorization: REDACTED, accept: 'application/json' });
    expect(out.big).toBe('10');
    expect(out.at).toBe('1970-01-01T00:00:00.000Z');
  });

  it('withRedaction cleans messages and fields before the inner logger sees them', () => {
    const inner = createMemoryLogger({ redact: false });
    const logger = withRedaction(inner, ['s3cr3t-pass']);
    logger.warn('login with s3cr3t-pass failed', { detail: 'pw s3cr3t-pass', password: 'x' });
    expect(inner.lines().join('\n')).not.toContain('s3cr3t-pass');
    expect(inner.entries[0]?.fields).toEqual({ detail: `pw ${REDACTED}`, password: REDACTED });
  });
});

describe('loggers', () => {
  it('the console logger writes one redacted line per event at or above its level', () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({
      level: 'info',
      write: (line) => lines.push(line),
      now: () => new Date('2025-01-31T10:00:00Z'),
      secrets: ['topsecret'],
    });
    logger.debug('hidden');
    logger.info('hello', { n: 1 });
    logger.error('bad topsecret', { authorization: 'Basic Zm9vOmJhcg==' });
    expect(lines).toEqual([
      '2025-01-31T10:00:00.000Z INFO hello {"n":1}',
      `2025-01-31T10:00:00.000Z ERROR bad ${REDACTED} {"authorization":"${REDACTED}"}`,
    ]);
  });

  it('the memory logger keeps entries and child loggers add their fields', () => {
    const memory = createMemoryLogger();
    childLogger(memory, { account: 'main' }).info('synced', { pages: 3 });
    expect(memory.entries).toEqual([{ level: 'info', message: 'synced', fields: { account: 'main', pages: 3 } }]);
    memory.clear();
    expect(memory.entries).toHaveLength(0);
  });
});
