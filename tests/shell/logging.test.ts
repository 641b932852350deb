// The desktop log: electron-log configured to the logs folder, rotated, every line redacted.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configureElectronLog,
  LOG_MAX_BYTES,
  redactLogData,
  rotateLogFiles,
  type ElectronLogLike,
} from '../../main/shell/logging';

function fakeElectronLog() {
  const written: { level: string; data: unknown[] }[] = [];
  type Hook = (message: { data: unknown[] }) => { data: unknown[] } | false;
  const hooks: Hook[] = [];
  const caught: unknown[] = [];
  const emit =
    (level: string) =>
    (...data: unknown[]) => {
      let message: { data: unknown[] } | false = { data };
      for (const hook of hooks) if (message) message = hook(message);
      if (message) written.push({ level, data: message.data });
    };
  const log = {
    transports: {
      file: { level: 'silly', maxSize: 0, resolvePathFn: () => '', archiveLogFn: (_: { path: string }) => undefined },
      console: { level: 'silly' },
    },
    hooks,
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    errorHandler: { startCatching: (options: unknown) => void caught.push(options) },
  };
  return { log, written, caught };
}

describe('electron-log setup', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes main.log in the logs folder with rotation, the level asked for, and catches uncaught errors', () => {
    const { log, caught } = fakeElectronLog();
    configureElectronLog(log as unknown as ElectronLogLike, { logsDir: '/home/u/.config/MagFlow/logs', level: 'info' });
    expect(log.transports.file.resolvePathFn()).toBe(join('/home/u/.config/MagFlow/logs', 'main.log'));
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(log.transports.file.level).toBe('info');
    expect(log.transports.console.level).toBe('warn');
    expect(caught).toEqual([{ showDialog: false }]);
  });

  it('redacts passwords, Authorization headers and Basic tokens before any transport sees them', () => {
    const { log, written } = fakeElectronLog();
    const logger = configureElectronLog(log as unknown as ElectronLogLike, { logsDir: '/l', level: 'debug' });
    logger.warn('request failed: Authorization: Basic ZGVtbzpodW50ZXIy', {
      password: 'hunter2',
      headers: { authorization: 'Basic ZGVtbzpodW50ZXIy' },
      url: 'https://user:hunter2@marketplace-api.emag.ro/api-3/order/read',
      error: new Error('login failed for password=hunter2'),
    });
    logger.info('plain line');
    const text = JSON.stringify(written, (_k, v: unknown) => (v instanceof Error ? `${v.message} ${v.stack}` : v));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('ZGVtbzpodW50ZXIy');
    expect(text).toContain('[REDACTED]');
    expect(written.map((w) => w.level)).toEqual(['warn', 'info']);
    expect(written[1]!.data).toEqual(['plain line']);
    expect(redactLogData(['token=abc123def'])).toEqual(['token=[REDACTED]']);
  });

  it('rotation keeps a few numbered files and drops the oldest', () => {
    dir = mkdtempSync(join(tmpdir(), 'magflow-logs-'));
    const current = join(dir, 'main.log');
    for (let generation = 1; generation <= 6; generation++) {
      writeFileSync(current, `generation ${generation}`);
      rotateLogFiles(current, 3);
    }
    expect(existsSync(current)).toBe(false);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('generation 6');
    expect(readFileSync(join(dir, 'main.3.log'), 'utf8')).toBe('generation 4');
    expect(existsSync(join(dir, 'main.4.log'))).toBe(false);
  });
});
