// The shared schemas' own words for a refusal, by key. The English is what zod reports (and the CLI prints, as it
// parses the same schemas); main finds the key of an issue's message and words it in the window's language
// (main/core/messages/errorTexts.ts), so a schema's precise reason is not lost to a generic one.
export const SCHEMA_TEXTS = {
  httpUrl: 'expected an http(s) URL',
  awbParcels: 'an AWB needs at least one parcel or envelope',
  cancelReasonList: "not one of eMAG's cancellation reasons",
  statusTarget: 'a status change needs the target status',
  cancelNeedsReason: 'cancelling needs a reason',
  newOrdersCheck: 'expected 0 (off) or 5-300 seconds',
  localDate: 'expected YYYY-MM-DD',
  timeOfDay: 'expected HH:MM',
  atLeast3: 'at least 3 characters',
  required: 'required',
  phone: 'expected 8 to 11 digits, optionally starting with +',
  localityId: 'expected eMAG locality id',
  searchLetters: 'at least 2 letters',
  region: 'letters, digits and dashes (e.g. eu-central-1, or auto for Cloudflare R2)',
  bucketName: 'letters, digits, dots and dashes',
  keyPrefix: "letters, digits and / ! _ . * ' ( ) -",
  fileTooBig: 'the file is larger than 10 MB',
  base64: 'expected base64',
} as const;

export type SchemaTextKey = keyof typeof SCHEMA_TEXTS;

const KEYS = new Map<string, SchemaTextKey>(
  Object.entries(SCHEMA_TEXTS).map(([key, text]) => [text, key as SchemaTextKey]),
);

/** The key of a schema's own message, or undefined for zod's default words. */
export const schemaTextKey = (message: string): SchemaTextKey | undefined => KEYS.get(message);
