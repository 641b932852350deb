// The seller's S3-compatible bucket against a real S3 server on 127.0.0.1 (s3rver behind a SigV4 private-bucket
// guard): upload, presigned links that work without credentials until they expire, refusals named by their cause,
// and the Settings side (saved without the secret in the database, tested with a real put + get + delete).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_LINK_EXPIRY_SEC } from '../../shared/invoices';
import { createMagflowCore, DATABASE_FILE, type MagflowCore } from '../../main/core/magflow';
import { endpointProblem, s3Bucket, type BucketConfig } from '../../main/core/invoices/s3Bucket';
import { render } from '../../main/core/messages/localized';
import { memorySecretStore } from '../../main/core/secrets/store';
import {
  bucketSettingsFor,
  startS3Server,
  S3_ACCESS_KEY_ID,
  S3_REGION,
  S3_SECRET,
  type S3TestServer,
} from '../support/s3Server';
import { tempDirForSuite } from '../support/tempDir';

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server('facturi-magazin');
});
afterAll(async () => {
  await s3?.close();
});

const configFor = (overrides: Partial<BucketConfig> = {}): BucketConfig => bucketSettingsFor(s3, overrides);
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

describe('the bucket client (aws4fetch, SigV4)', () => {
  it('uploads a PDF and gives a link that reads it without credentials, and only while it is valid', async () => {
    const bucket = s3Bucket(configFor());
    const key = bucket.keyFor('4001-factură 1.pdf');
    await bucket.put(key, pdf('one'));
    const link = await bucket.presignGet(key, INVOICE_LINK_EXPIRY_SEC);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/facturi-magazin\/magflow\/4001-factur%C4%83%201\.pdf\?/);
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('604800');
    expect(link.length).toBeLessThan(1024);
    const read = await fetch(link);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).toString()).toContain('one');
    // The bucket is private: the object's plain URL is refused, and so is a link whose expiry was edited.
    expect((await fetch(bucket.objectUrl(key))).status).toBe(403);
    expect((await fetch(link.replace('X-Amz-Expires=604800', 'X-Amz-Expires=604700'))).status).toBe(403);
    // A link signed two hours ago for one hour has expired.
    const old = await bucket.presignGet(key, 3600, new Date(Date.now() - 2 * 3600_000));
    const expired = await fetch(old);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    await bucket.delete(key);
    expect((await fetch(link)).status).toBe(404);
  });

  it('names the cause of a refusal: wrong secret, unknown key, no such bucket, clock, unreachable server', async () => {
    const put = (config: Partial<BucketConfig>, now?: Date) =>
      s3Bucket(configFor(config), now ? { now: () => now } : {}).put('magflow/x.pdf', pdf('x'));
    await expect(put({ secretAccessKey: 'not-the-secret' })).rejects.toMatchObject({
      problem: 'auth',
      message: expect.stringContaining('SignatureDoesNotMatch'),
    });
    await expect(put({ accessKeyId: 'AKIAWRONG' })).rejects.toMatchObject({
      problem: 'auth',
      message: expect.stringContaining('InvalidAccessKeyId'),
    });
    await expect(put({ bucket: 'no-such-bucket' })).rejects.toMatchObject({
      problem: 'no_bucket',
      message: expect.stringContaining('NoSuchBucket'),
    });
    await expect(put({}, new Date(Date.now() - 3600_000))).rejects.toMatchObject({ problem: 'clock' });
    const closed = await startS3Server();
    await closed.close();
    await expect(put({ endpoint: closed.endpoint })).rejects.toMatchObject({
      problem: 'network',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('builds virtual-hosted URLs unless path-style is asked for', () => {
    const aws = s3Bucket(
      configFor({ endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false, bucket: 'facturi' }),
    );
    expect(aws.objectUrl('magflow/1 2.pdf').href).toBe(
      'https://facturi.s3.eu-central-1.amazonaws.com/magflow/1%202.pdf',
    );
    const minio = s3Bucket(
      configFor({ endpoint: 'https://minio.example.ro:9000', pathStyle: true, bucket: 'facturi' }),
    );
    expect(minio.objectUrl('a.pdf').href).toBe('https://minio.example.ro:9000/facturi/a.pdf');
  });

  it('accepts https endpoints, and plain http only on this computer', () => {
    expect(endpointProblem('https://abc123.r2.cloudflarestorage.com')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:9000')).toBeNull();
    // English for the CLI and the logs, Romanian for the window (the catalogue's words).
    const both = (endpoint: string) => {
      const problem = endpointProblem(endpoint);
      return problem && { en: render(problem, 'en'), ro: render(problem, 'ro') };
    };
    expect(both('http://minio.lan:9000')).toEqual({
      en: 'plain http is refused for minio.lan: use https (http only for this computer)',
      ro: 'http simplu este refuzat pentru minio.lan: folosește https (http doar pentru acest calculator)',
    });
    expect(both('https://s3.example.com/bucket')).toEqual({
      en: 'the endpoint is the server only (scheme, host and port), without a path or query',
      ro: 'endpointul este doar serverul (schemă, gazdă și port), fără cale sau query',
    });
    expect(both('s3.example.com')).toMatchObject({ en: expect.stringMatching(/not a URL/), ro: /nu este un URL/ });
    expect(both('https://key:secret@s3.example.com')).toMatchObject({ ro: /date de autentificare/ });
    expect(both('ftp://s3.example.com')).toMatchObject({ en: 'the endpoint must use https' });
  });
});

describe('the bucket in Settings (through the IPC dispatcher)', () => {
  let core: MagflowCore;
  const secrets = memorySecretStore();
  const dataDir = tempDirForSuite('magflow-bucket-', () => core?.stop());
  beforeAll(async () => {
    core = await createMagflowCore({ dataDir, demo: false, secrets });
  });
  const call = (channel: string, input?: unknown) => core.dispatcher.dispatch(channel, input);
  const settingsInput = (overrides: Partial<BucketConfig> = {}) => bucketSettingsFor(s3, overrides);

  it('has no bucket at first, and its test says so', async () => {
    expect(await call('invoices.bucket.get')).toEqual({ ok: true, value: { bucket: null } });
    expect(await call('invoices.bucket.test')).toMatchObject({
      ok: true,
      value: { ok: false, problem: 'not_configured' },
    });
  });

  it('tests what is on screen with a real upload, presigned read and delete', async () => {
    const before = s3.requests.length;
    const result = await call('invoices.bucket.test', settingsInput());
    expect(result).toMatchObject({ ok: true, value: { ok: true, problem: null, publicRead: false } });
    const steps = s3.requests.slice(before).map((r) => `${r.method} ${r.auth} ${r.status}`);
    expect(steps).toEqual(['PUT header 200', 'GET query 200', 'GET none 403', 'DELETE header 204']);
    // Nothing saved by a test.
    expect(await call('invoices.bucket.get')).toEqual({ ok: true, value: { bucket: null } });
  });

  it('explains wrong credentials and a missing bucket', async () => {
    expect(await call('invoices.bucket.test', settingsInput({ secretAccessKey: 'wrong' }))).toMatchObject({
      ok: true,
      value: { ok: false, problem: 'auth', message: expect.stringContaining('SignatureDoesNotMatch') },
    });
    expect(await call('invoices.bucket.test', settingsInput({ bucket: 'nu-exista' }))).toMatchObject({
      ok: true,
      value: { ok: false, problem: 'no_bucket' },
    });
    expect(await call('invoices.bucket.test', settingsInput({ endpoint: 'http://192.168.1.5:9000' }))).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'endpoint' }] },
    });
  });

  it('saves the bucket with its secret in the secret store only, never in the database', async () => {
    const saved = await call('invoices.bucket.save', settingsInput());
    expect(saved).toEqual({
      ok: true,
      value: {
        endpoint: s3.endpoint,
        region: S3_REGION,
        bucket: s3.bucket,
        accessKeyId: S3_ACCESS_KEY_ID,
        pathStyle: true,
        keyPrefix: 'magflow/',
        hasSecret: true,
      },
    });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(dataDir, DATABASE_FILE)).toString('latin1');
    expect(file).toContain('facturi-magazin');
    expect(file).not.toContain(S3_SECRET);
    expect(file).not.toMatch(/secretAccessKey/);
    // Editing without retyping the secret keeps it; the saved bucket tests fine.
    const { secretAccessKey: _omit, ...withoutSecret } = settingsInput({ keyPrefix: 'facturi/' });
    expect(await call('invoices.bucket.save', withoutSecret)).toMatchObject({ ok: true, value: { hasSecret: true } });
    expect(await call('invoices.bucket.test')).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('refuses a new bucket without a secret, and removes the bucket with its secret', async () => {
    expect(await call('invoices.bucket.remove')).toEqual({ ok: true, value: { removed: true } });
    expect(await call('invoices.bucket.get')).toEqual({ ok: true, value: { bucket: null } });
    const { secretAccessKey: _omit, ...withoutSecret } = settingsInput();
    expect(await call('invoices.bucket.save', withoutSecret)).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'secretAccessKey' }] },
    });
    expect(await call('invoices.bucket.remove')).toEqual({ ok: true, value: { removed: false } });
  });
});
