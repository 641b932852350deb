// `magflow invoice` as a child process, against the eMAG sandbox and a real S3 server on 127.0.0.1: the bucket set
// (secret from the environment, never in the database), tested, then a PDF from disk attached to an order and
// downloaded by eMAG (the sandbox) through its presigned link; bad files, wrong keys and a busy data folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../main/core/lock/dataDirLock';
import { startSandbox, type Sandbox } from '../../main/sandbox';
import { startS3Server, S3_ACCESS_KEY_ID, S3_REGION, S3_SECRET, type S3TestServer } from '../support/s3Server';
import { addMagazinAndSync, expectOneLineError, runCli, type CliOptions } from './helpers';

const SELLER = { username: 'cli-facturi', password: 'parola-cli', kind: 'main' as const, orders: 20, offers: 2 };

let dir = '';
let dataDir = '';
let sandbox: Sandbox;
let s3: S3TestServer;
const cli = (args: readonly string[], options?: CliOptions) => runCli(dataDir, args, options);
const pdfFile = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.7\n% ${text}\n%%EOF\n`);
  return path;
};
const bucketSet = (secret: string) =>
  cli(
    [
      ...['invoice', 'bucket', 'set', '--endpoint', s3.endpoint, '--region', S3_REGION, '--bucket', s3.bucket],
      ...['--access-key-id', S3_ACCESS_KEY_ID, '--secret-env', 'S3_SECRET', '--path-style', '--key-prefix', 'cli/'],
    ],
    { env: { S3_SECRET: secret } },
  );
/** Finalized orders, one per test. */
const finalized = () => sandbox.orders(SELLER.username).filter((o) => o.status === 4);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-cli-invoice-'));
  dataDir = join(dir, 'data');
  s3 = await startS3Server('facturi-cli');
  sandbox = await startSandbox({ port: 0, seed: 23, accounts: [SELLER], rateLimit: false });
  await addMagazinAndSync(dataDir, sandbox.url, SELLER);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('magflow invoice', () => {
  it('without a bucket says how to set one up (exit 2)', async () => {
    const result = await cli(['invoice', 'attach', String(finalized()[0]!.id), pdfFile('a.pdf', 'a')]);
    expect(result.code).toBe(2);
    expect(expectOneLineError(result.stderr)).toMatch(/no invoice bucket is set up: run `magflow invoice bucket set`/);
  });

  it('saves the bucket with the secret from the environment, shows it without the secret, and tests it', async () => {
    const set = await bucketSet(S3_SECRET);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const show = await cli(['invoice', 'bucket', 'show', '--json']);
    expect(JSON.parse(show.stdout)).toEqual({
      bucket: {
        endpoint: s3.endpoint,
        region: S3_REGION,
        bucket: s3.bucket,
        accessKeyId: S3_ACCESS_KEY_ID,
        pathStyle: true,
        keyPrefix: 'cli/',
        hasSecret: true,
      },
    });
    expect(show.stdout).not.toContain(S3_SECRET);
    expect(readFileSync(join(dataDir, 'magflow.db')).toString('latin1')).not.toContain(S3_SECRET);
    const test = await cli(['invoice', 'bucket', 'test']);
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(/^Bucket test OK: uploaded a test file to facturi-cli, read it back/);
  });

  it('uploads a PDF and attaches it; eMAG downloads it through the link', async () => {
    const order = finalized()[1]!;
    const readsBefore = s3.requests.filter((r) => r.auth === 'query' && r.status === 200).length;
    const result = await cli(['invoice', 'attach', String(order.id), pdfFile(`factura-${order.id}.pdf`, 'F1')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Uploaded factura-${order.id}\\.pdf \\(1 KB\\) as cli/${order.id}-`));
    expect(result.stdout).toContain(`Attached to order ${order.id} (Magazin): eMAG has it.`);
    const attachments = sandbox.orders(SELLER.username).find((o) => o.id === order.id)!.attachments;
    expect(attachments).toEqual([expect.objectContaining({ name: `Factura ${order.id}`, type: 1 })]);
    expect(s3.requests.filter((r) => r.auth === 'query' && r.status === 200).length).toBe(readsBefore + 1);

    const again = await cli(['invoice', 'attach', String(order.id), join(dir, `factura-${order.id}.pdf`), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      account: 'Magazin',
      orderId: order.id,
      already: true,
      state: 'sent',
    });
  });

  it('refuses a missing file, a file that is not a PDF and an unknown order before touching anything (exit 2)', async () => {
    const text = join(dir, 'note.pdf');
    writeFileSync(text, 'just text');
    const order = String(finalized()[2]!.id);
    const cases = [
      { args: ['invoice', 'attach', order, join(dir, 'nope.pdf')], message: /cannot read .*nope\.pdf: ENOENT/ },
      { args: ['invoice', 'attach', order, text], message: /not a PDF/ },
      { args: ['invoice', 'attach', '12', pdfFile('b.pdf', 'b')], message: /no order 12 .*magflow sync/ },
      { args: ['invoice', 'attach', 'abc', pdfFile('b.pdf', 'b')], message: /not an eMAG order number/ },
      { args: ['invoice', 'attach', order, pdfFile('b.pdf', 'b'), '--account', 'Nimeni'], message: /no account/ },
    ];
    const results = await Promise.all(cases.map((c) => cli(c.args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.args.join(' ')).toBe(2);
      expect(expectOneLineError(result.stderr), cases[i]!.args.join(' ')).toMatch(cases[i]!.message);
    });
  });

  it('says why the bucket refused (wrong secret): the test and the upload fail with exit 1, nothing is queued', async () => {
    expect((await bucketSet('not-the-secret')).code).toBe(0);
    const test = await cli(['invoice', 'bucket', 'test']);
    expect(test.code).toBe(1);
    expect(test.stdout).toMatch(/Bucket test FAILED \(auth\): .*SignatureDoesNotMatch/);
    const order = finalized()[3]!;
    const attach = await cli(['invoice', 'attach', String(order.id), pdfFile('c.pdf', 'c')]);
    expect(attach.code).toBe(1);
    expect(expectOneLineError(attach.stderr)).toMatch(/upload to the bucket failed: HTTP 403 SignatureDoesNotMatch/);
    expect(sandbox.orders(SELLER.username).find((o) => o.id === order.id)!.attachments).toEqual([]);
    expect((await bucketSet(S3_SECRET)).code).toBe(0);
  });

  it('leaves the sending to the MagFlow that holds the data folder', async () => {
    const order = finalized()[4]!;
    const lock = lockDataDir(dataDir, 'magflow run');
    try {
      const result = await cli(['invoice', 'attach', String(order.id), pdfFile('d.pdf', 'd')]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Queued for order ${order.id} \\(Magazin\\); .*magflow run.* sends it`));
      expect(sandbox.orders(SELLER.username).find((o) => o.id === order.id)!.attachments).toEqual([]);
    } finally {
      lock.release();
    }
    // The next syncing process sends it.
    expect((await cli(['sync', '--job', 'acknowledge', '--account', 'Magazin'])).code).toBe(0);
    expect(sandbox.orders(SELLER.username).find((o) => o.id === order.id)!.attachments).toHaveLength(1);
  });

  it('removes the bucket', async () => {
    const removed = await cli(['invoice', 'bucket', 'remove']);
    expect(removed.stdout).toBe('Removed the invoice bucket and its secret.\n');
    expect(JSON.parse((await cli(['invoice', 'bucket', 'show', '--json'])).stdout)).toEqual({ bucket: null });
  });
});
