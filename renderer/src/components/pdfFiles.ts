// Reading a PDF the seller dropped or picked: a quick check (the "%PDF-" signature, the 10 MB limit) so a wrong file
// is named at once, and its bytes as base64 for the IPC call (main checks everything again).
import { INVOICE_MAX_BYTES } from '../../../shared/invoices';

export type PdfFileProblem = 'not_pdf' | 'too_big' | null;

/** The bytes of a Blob (File.arrayBuffer, or FileReader where a test DOM lacks it). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

export async function pdfFileProblem(file: Blob): Promise<PdfFileProblem> {
  if (file.size > INVOICE_MAX_BYTES) return 'too_big';
  const head = new Uint8Array(await bytesOf(file.slice(0, 5)));
  return String.fromCharCode(...head) === '%PDF-' ? null : 'not_pdf';
}

/** Base64 of the whole file, built in chunks (String.fromCharCode takes a limited number of arguments). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await bytesOf(file));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "120 KB", "1,4 MB" in the seller's language. */
export function formatFileSize(bytes: number, language: string): string {
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
  return bytes < 1024 * 1024 ? `${format(Math.max(1, bytes / 1024), 0)} KB` : `${format(bytes / (1024 * 1024), 1)} MB`;
}
