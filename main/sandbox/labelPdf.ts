// A real, small PDF for awb/read_pdf: one page in the chosen paper format with the AWB's number, courier and
// receiver, written by hand (objects, a cross-reference table with exact byte offsets) so any PDF reader opens it.

/** Paper sizes in PDF points (1/72 inch), portrait. */
export const LABEL_PAGE_SIZES = {
  A4: [595, 842],
  A5: [420, 595],
  A6: [298, 420],
} as const;

export type LabelFormat = keyof typeof LABEL_PAGE_SIZES;

/** The standard PDF fonts speak Latin-1: Romanian letters become their base letter, anything else a '?'. */
function pdfText(text: string): string {
  const latin = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
  return latin.replace(/[\\()]/g, (c) => `\\${c}`);
}

export function labelPdf(format: LabelFormat, lines: readonly string[]): Buffer {
  const [width, height] = LABEL_PAGE_SIZES[format];
  const size = format === 'A6' ? 10 : 14;
  const text = lines
    .map(
      (line, k) =>
        `BT /F1 ${k === 0 ? size + 6 : size} Tf 24 ${height - 40 - k * (size + 8)} Td (${pdfText(line)}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, k) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${k + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
