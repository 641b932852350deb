// AWB labels: awb/read_pdf for the AWB MagFlow issued for an order, saved under the data folder (labels/), and the
// labels of several orders merged into one PDF to print in one go (pdf-lib). eMAG hands out labels only for AWBs
// issued through the API (spec, "Reading AWB PDF files": only those have the `emag_id` the route needs).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { OutboxAction } from '../../../shared/domain';
import type { LabelFormat } from '../../../shared/settings';
import type { Clock } from '../clock';
import type { Repositories } from '../db';
import type { EmagClient } from '../emag';
import { AppError, conflict } from '../errors';
import type { Language } from '../messages/catalogue';
import { render, textIn, type Localized } from '../messages/localized';

export const LABELS_FOLDER = 'labels';

export interface LabelDeps {
  repos: Pick<Repositories, 'outbox'>;
  clientFor(accountId: number): EmagClient;
  dataDir: string;
  clock: Clock;
}

/** Why one order's label failed: main's refusal in any language, or the client's own words. */
const reasonOf = (error: unknown): Localized =>
  error instanceof AppError ? error.text : error instanceof Error ? error.message : String(error);

/** The eMAG id of the order's latest AWB sent by MagFlow; a clear conflict when there is none (yet). */
export function awbEmagIdOf(actions: readonly OutboxAction[], orderId: number): number {
  const awbs = actions.filter((a) => a.kind === 'awb');
  const sent = awbs.filter((a) => a.state === 'sent' && typeof a.result?.emagId === 'number').at(-1);
  if (sent) return sent.result?.emagId as number;
  if (awbs.some((a) => a.state === 'pending')) {
    throw conflict((text) => text.errors.shipping.awbSending(orderId));
  }
  throw conflict((text) => text.errors.shipping.noAwb(orderId));
}

/** Safe in a file name. */
const slug = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-');

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.part`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

/** Pages of a PDF; refuses bytes that are not one (a label eMAG could not render). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPageCount();
}

export function labelStore(deps: LabelDeps) {
  const folder = join(deps.dataDir, LABELS_FOLDER);

  /** The label's bytes and where they are saved. A label once fetched is read from disk: an AWB's label never changes. */
  async function label(
    accountId: number,
    orderId: number,
    format: LabelFormat,
  ): Promise<{ path: string; bytes: Uint8Array }> {
    const emagId = awbEmagIdOf(deps.repos.outbox.forOrder(accountId, orderId), orderId);
    const path = join(folder, `awb-${accountId}-${orderId}-${emagId}-${slug(format)}.pdf`);
    if (existsSync(path)) return { path, bytes: new Uint8Array(await readFile(path)) };
    const bytes = await deps.clientFor(accountId).awb.readPdf(emagId, format);
    await mkdir(folder, { recursive: true });
    await writeAtomically(path, bytes);
    return { path, bytes };
  }

  /**
   * Several orders' labels in one PDF, in the order given. An order without a label is reported and skipped; when
   * none has one, nothing is written and the reasons are the error.
   */
  async function merged(
    orders: readonly { accountId: number; orderId: number }[],
    format: LabelFormat,
    /** The language of the reasons an order was left out: the window's, or English for the CLI. */
    lang: Language = 'en',
  ): Promise<{
    path: string;
    pages: number;
    orders: { accountId: number; orderId: number; ok: boolean; error?: string }[];
  }> {
    const out = await PDFDocument.create();
    const outcomes: { accountId: number; orderId: number; ok: boolean; reason?: Localized }[] = [];
    for (const { accountId, orderId } of orders) {
      try {
        const { bytes } = await label(accountId, orderId, format);
        const source = await PDFDocument.load(bytes, { updateMetadata: false });
        const pages = await out.copyPages(source, source.getPageIndices());
        for (const page of pages) out.addPage(page);
        outcomes.push({ accountId, orderId, ok: true });
      } catch (error) {
        outcomes.push({ accountId, orderId, ok: false, reason: reasonOf(error) });
      }
    }
    const pages = out.getPageCount();
    if (pages === 0) {
      throw conflict((text) =>
        text.errors.shipping.noLabel(
          outcomes.map((o) => ({ orderId: o.orderId, error: textIn(o.reason ?? '', text) })),
        ),
      );
    }
    const stamp = deps.clock.now().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const path = join(folder, `awb-batch-${stamp}-${outcomes.filter((o) => o.ok).length}-${slug(format)}.pdf`);
    await mkdir(folder, { recursive: true });
    await writeAtomically(path, await out.save());
    const rendered = outcomes.map(({ reason, ...outcome }) =>
      reason === undefined ? outcome : { ...outcome, error: render(reason, lang) },
    );
    return { path, pages, orders: rendered };
  }

  return { label, merged };
}

export type LabelStore = ReturnType<typeof labelStore>;
