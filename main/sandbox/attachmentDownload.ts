// What eMAG does with an attachment's URL, done by the sandbox when the attachment is saved: download it with a plain
// GET (no credentials) and keep it only if it is a PDF. eMAG downloads the file itself ("Only .pdf files are
// accepted"; force_download: "the attachment will not be downloaded again" unless the URL changes), so a link that is
// unreachable, expired, refused or not a PDF is refused here with isError, as the strictest eMAG would.
// The sandbox never reaches out of this computer: links to 127.0.0.0/8, localhost or ::1 (the tests' S3 server, a
// local MinIO) are downloaded; any other link is held to its shape only (docs/sandbox.md).
import { INVOICE_MAX_BYTES } from '../../shared/invoices';
import { ApiRefusal } from './envelope';

/** How long eMAG is given, here, to fetch a file. */
export const ATTACHMENT_DOWNLOAD_TIMEOUT_MS = 10_000;

const PDF_SIGNATURE = '%PDF-';

/** A host on this computer: the only kind the sandbox downloads from. */
export function isOnThisComputer(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Reads at most `limit` bytes; a larger body is refused without reading the rest. */
async function bodyUpTo(response: Response, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > limit) return null;
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** Downloads the attachment like eMAG; throws ApiRefusal (isError) naming `label` when eMAG could not use it. */
export async function downloadAttachment(link: string, label: string): Promise<void> {
  const url = new URL(link);
  if (!isOnThisComputer(url)) return;
  const refuse = (why: string) => new ApiRefusal(`${label}: the document at the url could not be downloaded: ${why}`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(ATTACHMENT_DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw refuse((error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause ?? String(error)));
  }
  if (response.status !== 200) {
    // A storage server says why in its body (S3: <Message>Request has expired</Message>).
    const text = ((await bodyUpTo(response, 4096).catch(() => null)) ?? Buffer.alloc(0)).toString('utf8');
    const reason = /<Message>([^<]{1,200})<\/Message>/.exec(text)?.[1];
    throw refuse(`HTTP ${response.status}${reason ? ` (${reason})` : ''}`);
  }
  const body = await bodyUpTo(response, INVOICE_MAX_BYTES);
  if (body === null) throw refuse(`larger than ${INVOICE_MAX_BYTES / (1024 * 1024)} MB`);
  if (body.subarray(0, PDF_SIGNATURE.length).toString('latin1') !== PDF_SIGNATURE) {
    throw refuse('not a PDF file (only PDF files are accepted)');
  }
}
