// The shared schemas' own refusals (zod `custom` issues) carry a key, so main can word them in the window's language
// (main/core/messages/errorTexts.ts); the English message stays for the CLI, which parses the same schemas.
export type CustomIssueKey =
  'httpUrl' | 'awbParcels' | 'cancelReasonList' | 'statusTarget' | 'cancelNeedsReason' | 'newOrdersCheck';

/** A refine's error with its key (zod copies `params` onto the issue). */
export const customIssue = (key: CustomIssueKey, message: string) => ({ message, params: { key } });
