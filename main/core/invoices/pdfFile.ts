// Checks that a file handed to MagFlow is a PDF eMAG will take: the "%PDF-" signature and at most 10 MB.
import { createHash } from 'node:crypto';
import { INVOICE_MAX_BYTES } from '../../../shared/invoices';
import { invalidInput } from '../errors';
import type { Localized } from '../messages/localized';

/** Every PDF starts with it. Readers tolerate junk before it; eMAG's check is unknown, so MagFlow is strict. */
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

/** The reason the bytes are not an invoice PDF (in the catalogue's words), or null when they are. */
export function pdfProblem(bytes: Uint8Array): Localized | null {
  const size = bytes.length;
  if (size === 0) return (text) => text.errors.invoices.pdf.empty;
  if (size > INVOICE_MAX_BYTES) return (text) => text.errors.invoices.pdf.tooBig(size, INVOICE_MAX_BYTES);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(size, PDF_SIGNATURE.length));
  if (!head.equals(PDF_SIGNATURE)) return (text) => text.errors.invoices.pdf.notPdf;
  return null;
}

/** Decodes the window's base64 text and checks it is a PDF; bad input is a validation error naming `field`. */
export function pdfFromBase64(text: string, field = 'contentBase64'): Buffer {
  const bytes = Buffer.from(text, 'base64');
  const problem = pdfProblem(bytes);
  if (problem) throw invalidInput([{ path: field, message: problem }]);
  return bytes;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
