// The browser bridge carries an invoice PDF (base64 in JSON) to main: the upload channel alone gets a body limit
// that fits a 10 MB file; every other channel keeps 1 MiB, and a channel name cannot borrow the larger limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_MAX_BYTES, INVOICE_UPLOAD_BODY_BYTES } from '../../shared/invoices';
import { startBridgeServer, type BridgeServer } from '../../main/cli/serve';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { memorySecretStore } from '../../main/core/secrets/store';
import { tempDirForSuite } from '../support/tempDir';

let core: MagflowCore;
let bridge: BridgeServer;
const dataDir = tempDirForSuite('magflow-invoice-bridge-', async () => {
  await bridge?.close();
  await core?.stop();
});

beforeAll(async () => {
  core = await createMagflowCore({ dataDir, demo: false, secrets: memorySecretStore() });
  bridge = await startBridgeServer({ dispatcher: core.dispatcher, bus: core.bus, staticDir: dataDir });
});

const post = (channel: string, body: string) =>
  fetch(`${bridge.origin}/api/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
    body,
  });

describe('invoice uploads over the browser bridge', () => {
  it('takes a 10 MB PDF on the upload channel and refuses the same body elsewhere', async () => {
    const pdf = Buffer.alloc(INVOICE_MAX_BYTES, 0x20);
    pdf.write('%PDF-1.7');
    const input = { accountId: 1, orderId: 1, fileName: 'f.pdf', contentBase64: pdf.toString('base64') };
    const body = JSON.stringify({ input });
    expect(body.length).toBeLessThan(INVOICE_UPLOAD_BODY_BYTES);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const upload = await post('invoices.attachFile', body);
    expect(upload.status).toBe(200);
    // The dispatcher answered (no such order here), so the body was read and validated whole.
    expect(await upload.json()).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect((await post('orders.list', body)).status).toBe(413);
    expect((await post('__proto__', body)).status).toBe(413);
    expect((await post('invoices.attachFile', `{"input":"${'A'.repeat(INVOICE_UPLOAD_BODY_BYTES)}"}`)).status).toBe(
      413,
    );
  });
});
