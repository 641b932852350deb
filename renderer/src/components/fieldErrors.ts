// Field errors beside their fields: main's input issues (zod paths such as `username`) keyed by field, so a form shows
// each one under its box and its error notice keeps only what belongs to no field on screen.
import type { CallError } from '../api/errors';

export type FieldErrors = Record<string, string>;

/** Each issue's message under its top-level field name (the first issue per field wins). */
export function issuesByField(error: CallError | null | undefined): FieldErrors {
  const byField: FieldErrors = {};
  for (const issue of error?.issues ?? []) {
    const field = issue.path.split('.')[0] ?? '';
    if (field !== '' && !(field in byField)) byField[field] = issue.message;
  }
  return byField;
}

/** The issues no field on screen shows (so they are still said once, in the notice). */
export function issuesOutside(
  issues: { path: string; message: string }[],
  shownFields: readonly string[],
): { path: string; message: string }[] {
  return issues.filter((issue) => !shownFields.includes(issue.path.split('.')[0] ?? ''));
}

/** The message of the first issue at exactly this path (e.g. `intervals.ordersSec`), for a box deep in a settings tree. */
export function issueAt(error: CallError | null | undefined, path: string): string | undefined {
  return error?.issues.find((issue) => issue.path === path)?.message;
}
