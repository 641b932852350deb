// Turns what the seller typed into a safe FTS5 query: every word is a quoted prefix term, all must match.
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' AND ');
}
