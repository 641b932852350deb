// Explains a failed call in the seller's language: what kind of failure, main's detail, and which fields were wrong.
import { useTranslation } from 'react-i18next';
import type { CallError } from '../api/errors';
import { issuesOutside } from './fieldErrors';
import { FailureExplained } from './FailureExplained';

export function ErrorNotice({
  error,
  onRetry,
  testId,
  fieldsShown = [],
}: {
  error: CallError;
  onRetry?: () => void;
  testId?: string;
  /** Fields whose issues the form already shows beside the field: not repeated here. */
  fieldsShown?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const issues = issuesOutside(error.issues, fieldsShown);
  // main's language-neutral reason (e.g. `bucket.auth`), explained when the window knows it.
  const codeKey = error.code ? ['errors', 'code', ...error.code.split('.')].join('.') : null;
  const reason = codeKey && i18n.exists(codeKey) ? t(codeKey) : null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId ?? 'error-notice'} data-kind={error.kind}>
      {error.failure ? (
        // eMAG's failure: its cause, eMAG's words and what to do, in the window's language (not main's English).
        <FailureExplained cause={error.failure.cause} reason={error.failure.reason} />
      ) : (
        <>
          <strong>{t(`errors.kind.${error.kind}`)}</strong>
          {reason && <span data-testid="error-reason">{reason}</span>}
          {error.message && <span className="notice-detail">{error.message}</span>}
        </>
      )}
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <span className="issue-field">{issue.path}</span>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
