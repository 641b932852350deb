// Bulk offer edits: the same price or stock for the selected offers, each checked by main against its own bounds
// (what it refuses is listed with the reason); the rest go to the outbox, at most 50 offers at a time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferEditField } from '../../../shared/domain';
import type { BulkOfferEditResult } from '../../../shared/ipc';
import { OFFER_BULK_MAX } from '../../../shared/offerEdits';
import { call } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { SelectField } from '../components/SelectField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useProblemText } from './OfferEditor';

export interface SelectedOffer {
  accountId: number;
  id: number;
}

export function OfferBulkBar({ selected, onClear }: { selected: SelectedOffer[]; onClear: () => void }) {
  const { t } = useTranslation();
  const [field, setField] = useState<OfferEditField>('stock');
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<{ queued: number; refused: BulkOfferEditResult['refused'] } | null>(null);
  const problemText = useProblemText();
  const { error, busy, guard } = useGuardedCall();
  const tooMany = selected.length > OFFER_BULK_MAX;

  const apply = () =>
    guard(async () => {
      const byAccount = new Map<number, number[]>();
      for (const offer of selected)
        byAccount.set(offer.accountId, [...(byAccount.get(offer.accountId) ?? []), offer.id]);
      let queued = 0;
      const refused: BulkOfferEditResult['refused'] = [];
      for (const [accountId, offerIds] of byAccount) {
        const result = await call('offers.bulkEdit', { accountId, offerIds, field, value });
        queued += result.queued.length;
        refused.push(...result.refused);
      }
      setOutcome({ queued, refused });
    });

  return (
    <div
      className="offer-bulk"
      role="region"
      aria-label={t('offerEdit.bulk.selected', { count: selected.length })}
      data-testid="offer-bulk"
    >
      <strong data-testid="offer-bulk-count">{t('offerEdit.bulk.selected', { count: selected.length })}</strong>
      <SelectField
        label={t('offerEdit.bulk.field')}
        value={field}
        onChange={(next) => setField(next as OfferEditField)}
        options={[
          { value: 'stock', label: t('offerEdit.stock') },
          { value: 'price', label: t('offerEdit.price') },
        ]}
        testId="offer-bulk-field"
      />
      <InputField
        label={t('offerEdit.bulk.value')}
        value={value}
        inputMode={field === 'price' ? 'decimal' : 'numeric'}
        onChange={(e) => setValue(e.target.value)}
        error={tooMany ? t('offerEdit.bulk.tooMany', { max: OFFER_BULK_MAX }) : undefined}
        testId="offer-bulk-value"
      />
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || tooMany || value.trim() === ''}
        onClick={() => void apply()}
        data-testid="offer-bulk-apply"
      >
        {t('offerEdit.bulk.apply')}
      </button>
      <button type="button" className="btn btn-ghost" onClick={onClear} data-testid="offer-bulk-clear">
        {t('offerEdit.bulk.clear')}
      </button>
      {error && <ErrorNotice error={error} />}
      {outcome && (
        <div className="offer-bulk-outcome" role="status" data-testid="offer-bulk-outcome">
          <span>{t('offerEdit.bulk.queued', { count: outcome.queued })}</span>
          {outcome.refused.map((refusal) => (
            <span key={refusal.offerId} className="field-error">
              {t('offerEdit.bulk.refused', {
                id: refusal.offerId,
                message: refusal.problem ? problemText(refusal.problem) : refusal.message,
              })}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
