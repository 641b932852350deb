// The typed error a failed `call` throws: the kind main reported, its message and (for bad input) the field issues.
import type { FailureCause } from '../../../shared/causes';
import type { IpcError, IpcErrorKind } from '../../../shared/ipc';

/** Raised on the renderer side when the bridge itself fails (no answer, non-JSON answer). */
export type CallErrorKind = IpcErrorKind | 'transport';

export class CallError extends Error {
  readonly kind: CallErrorKind;
  readonly issues: { path: string; message: string }[];
  /** main's language-neutral reason for eMAG failures (e.g. `auth.api_rights_missing`), when it gave one. */
  readonly code: string | undefined;
  /** For eMAG failures: the cause in the seller's terms and eMAG's own words (shown instead of main's English). */
  failure: { cause: FailureCause; reason: string | null } | undefined;

  constructor(kind: CallErrorKind, message: string, issues: { path: string; message: string }[] = [], code?: string) {
    super(message);
    this.name = 'CallError';
    this.kind = kind;
    this.issues = issues;
    this.code = code;
  }

  static fromIpc(error: IpcError): CallError {
    const made = new CallError(error.kind, error.message, error.issues ?? [], error.code);
    if (error.cause) made.failure = { cause: error.cause, reason: error.reason ?? null };
    return made;
  }

  static from(error: unknown): CallError {
    if (error instanceof CallError) return error;
    return new CallError('transport', error instanceof Error ? error.message : String(error));
  }
}
