// zod's validation issues in the catalogue's words, by issue code (zod 4), so a refused IPC input reads in the window's
// language. zod's own English messages never reach the window; the path stays as zod gave it.
import type { z } from 'zod';
import { schemaTextKey } from '../../../shared/issueKeys';
import type { Issue } from '../errors';
import type { Localized } from './localized';

type ZodIssue = z.core.$ZodIssue;

const valueText = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/** One issue's reason, in any language: the schema's own reason when it gave one, else zod's by its code. */
export function zodIssueText(issue: ZodIssue): Localized {
  const key = schemaTextKey(issue.message);
  if (key) return (text) => text.errors.zod.schema[key];
  switch (issue.code) {
    case 'invalid_type':
      return (text) => text.errors.zod.invalidType(issue.expected);
    case 'too_small':
    case 'too_big': {
      const check = {
        origin: issue.origin,
        limit: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum),
        inclusive: issue.inclusive ?? true,
        exact: issue.exact ?? false,
      };
      return issue.code === 'too_small'
        ? (text) => text.errors.zod.tooSmall(check)
        : (text) => text.errors.zod.tooBig(check);
    }
    case 'invalid_format': {
      const fragment =
        'prefix' in issue
          ? issue.prefix
          : 'suffix' in issue
            ? issue.suffix
            : 'includes' in issue
              ? issue.includes
              : null;
      return (text) => text.errors.zod.invalidFormat(issue.format, typeof fragment === 'string' ? fragment : null);
    }
    case 'not_multiple_of':
      return (text) => text.errors.zod.notMultipleOf(issue.divisor);
    case 'invalid_value':
      return (text) => text.errors.zod.invalidValue(issue.values.map(valueText));
    case 'unrecognized_keys':
      return (text) => text.errors.zod.unrecognizedKeys(issue.keys);
    case 'invalid_union':
      return (text) => text.errors.zod.invalidUnion;
    case 'invalid_key':
      return (text) => text.errors.zod.invalidKey;
    case 'invalid_element':
      return (text) => text.errors.zod.invalidElement;
    case 'custom':
    default:
      // A refine without a keyed reason, or a code a later zod adds: the generic reason, never zod's English.
      return (text) => text.errors.zod.invalid;
  }
}

/** Every issue of a failed parse, each under its path (prefixed, e.g. `receiver`), in the catalogue's words. */
export const zodIssues = (error: z.ZodError, prefix: string[] = []): Issue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.') || '(input)',
    message: zodIssueText(issue),
  }));
