// Why an outbox action did not go through, in the window's language: MagFlow's own refusal from its code
// (shared/actionFailures.ts), eMAG's failure by its cause and eMAG's own words (FailureExplained). Rows written
// before the failure was stored (database migration 011) carry only main's English text: shown as it is, the only
// words there are for them.
import { useTranslation } from 'react-i18next';
import type { ActionFailure } from '../../../shared/actionFailures';
import { formatDateTime } from '../format/dates';
import { FailureExplained } from './FailureExplained';
import { useLanguage } from './useLanguage';

type Translate = ReturnType<typeof useTranslation>['t'];

/** The code's values ready for the sentence: statuses by name, instants in the window's language. */
function paramsOf(failure: ActionFailure, t: Translate, exists: (key: string) => boolean, language: string) {
  const params: Record<string, string | number> = { ...failure.params };
  if (failure.code === 'action.return_change_not_allowed') {
    for (const name of ['from', 'to'] as const) {
      const key = `returns.status.${String(params[name])}`;
      if (exists(key)) params[name] = t(key);
    }
  }
  if (typeof params.expiresAt === 'string') params.expiresAt = formatDateTime(params.expiresAt, language);
  return params;
}

/** MagFlow's own refusal as a sentence of the window's language; null when the failure has no code. */
function useCodeSentence(): (failure: ActionFailure) => string | null {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (failure) =>
    failure.code
      ? t(
          `actionError.${failure.code.replace(/^action\./, '')}`,
          paramsOf(failure, t, (key) => i18n.exists(key), language),
        )
      : null;
}

/** The failure as one line of text (badge titles, rows); the English fallback for rows without a stored failure. */
export function useActionFailureText(): (
  failure: ActionFailure | null | undefined,
  fallback: string | null,
) => string | null {
  const { t } = useTranslation();
  const codeSentence = useCodeSentence();
  return (failure, fallback) => {
    if (!failure?.cause && !failure?.code) return fallback;
    const parts: string[] = [];
    if (failure.cause) {
      parts.push(t(`causeTitle.${failure.cause}`));
      if (failure.reason) parts.push(t('truth.emagSays', { reason: failure.reason }));
    }
    const sentence = codeSentence(failure);
    if (sentence) parts.push(sentence);
    return parts.join(' ');
  };
}

/** The failure in full: MagFlow's refusal as a sentence, eMAG's with its cause, its words and what to do. */
export function ActionFailureNotice({
  failure,
  fallback,
  failed,
  testId,
}: {
  failure: ActionFailure | null | undefined;
  fallback: string | null;
  /** Given up (state failed): MagFlow no longer retries it, the seller decides. */
  failed: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const codeSentence = useCodeSentence();
  if (!failure?.cause && !failure?.code) {
    return fallback ? (
      <div className="notice notice-error" data-testid={testId}>
        {fallback}
      </div>
    ) : null;
  }
  const sentence = codeSentence(failure);
  return (
    <div className="notice notice-error" data-testid={testId} data-code={failure.code ?? undefined}>
      {sentence && <span data-testid="refusal-reason">{sentence}</span>}
      {failure.cause && (
        <FailureExplained
          cause={failure.cause}
          reason={failure.reason}
          // eMAG's usual advice ("MagFlow retries by itself") is wrong for an action eMAG refused for good.
          advice={failed && failure.cause === 'emag_error' ? t('actionAdvice.emagRefused') : undefined}
        />
      )}
    </div>
  );
}
