// eMAG's order cancellation reasons (`reason_cancellation`), as the v4.4.9 text lists them ("Order field", key
// reason_cancellation; README §6 and §13). The text says "Optional. Integer value between 1 and 5" yet lists codes
// 1-43: the listed codes are the valid ones, so MagFlow sends one of them with every cancellation and the sandbox
// refuses any other.

/** Every code the text documents. */
export const CANCELLATION_REASON_CODES = [
  1, 2, 3, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
  42, 43,
] as const;

export type CancellationReason = (typeof CANCELLATION_REASON_CODES)[number];

/**
 * The reasons a seller picks from when cancelling in MagFlow: the documented list without the ones eMAG sets by
 * itself (22 automatic cancellation of an incomplete order, 28 cancelled by eMAG's SuperAdmin, 40 "Other reasons
 * EIS", 41/42 the instalment variants), most common first.
 */
export const SELLER_CANCELLATION_REASONS: readonly CancellationReason[] = [
  1, 33, 2, 24, 23, 38, 3, 19, 29, 30, 31, 15, 16, 17, 18, 20, 25, 26, 27, 32, 35, 36, 37, 39, 43, 21, 34,
];

export const isCancellationReason = (code: unknown): code is CancellationReason =>
  typeof code === 'number' && (CANCELLATION_REASON_CODES as readonly number[]).includes(code);
