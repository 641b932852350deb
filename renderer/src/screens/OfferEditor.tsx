// The offer editor: price (without VAT, with the gross beside it) and stock, checked with eMAG's rules before anything
// is queued (shared/offerEdits.ts, the same checks main makes), the offer's category and VAT rate by name (eMAG's
// category/read and vat/read through main's cache), its own low-stock threshold, and its latest edits' states.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferEditStatus } from '../../../shared/domain';
import {
  checkPrice,
  checkStock,
  grossMinor,
  type OfferDetails,
  type OfferEditProblem,
} from '../../../shared/offerEdits';
import { call } from '../api/client';
import { useActionFailureText } from '../components/ActionFailure';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { issueAt } from '../components/fieldErrors';
import { InputField } from '../components/InputField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useLanguage } from '../components/useLanguage';
import { formatDecimalMoney, formatMoney } from '../format/money';

/** A rule's refusal in the seller's language. */
export function useProblemText(): (problem: OfferEditProblem) => string {
  const { t } = useTranslation();
  return (problem) => t(`offerEdit.problem.${problem.code}`, 'bound' in problem ? { bound: problem.bound } : {});
}

export function EditBadge({ edit }: { edit: OfferEditStatus }) {
  const { t } = useTranslation();
  const failureText = useActionFailureText();
  const level = { pending: 'state-pending', sent: 'level-degraded', confirmed: 'level-ok', failed: 'state-failed' }[
    edit.state
  ];
  return (
    <span
      className={`badge ${level}`}
      title={failureText(edit.failure, edit.error) ?? undefined}
      data-testid={`offer-edit-${edit.field}-${edit.state}`}
    >
      {t(`offerEdit.fieldName.${edit.field}`)} {edit.value}: {t(`offerEdit.state.${edit.state}`)}
    </span>
  );
}

export function OfferEditor({
  accountId,
  offerId,
  onClose,
}: {
  accountId: number;
  offerId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problemText = useProblemText();
  const [details, setDetails] = useState<OfferDetails | null>(null);
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('');
  const [threshold, setThreshold] = useState('');
  const [touched, setTouched] = useState<{ price?: boolean; stock?: boolean }>({});
  const [note, setNote] = useState<string | null>(null);
  const load = useGuardedCall();
  const save = useGuardedCall();

  const reload = () =>
    load.guard(async () => {
      const view = await call('offers.get', { accountId, offerId });
      setDetails(view);
      return view;
    });

  useEffect(() => {
    void load.guard(async () => {
      const view = await call('offers.get', { accountId, offerId });
      setDetails(view);
      setPrice(view.salePrice ?? '');
      setStock(view.stock === null ? '' : String(view.stock));
      setThreshold(view.lowStockThreshold === null ? '' : String(view.lowStockThreshold));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per offer
  }, [accountId, offerId]);

  const bounds = details && {
    minSalePrice: details.minSalePrice,
    maxSalePrice: details.maxSalePrice,
    fbe: details.fbe,
  };
  const priceProblem = bounds && touched.price ? checkPrice(price, bounds)[0] : undefined;
  const stockProblem = bounds && touched.stock && !details?.fbe ? checkStock(stock, bounds)[0] : undefined;
  const vat = details?.vatRates.find((rate) => rate.vatId === details.vatId) ?? null;
  const vatPercent = vat ? (Number(vat.rate) * 100).toLocaleString(language, { maximumFractionDigits: 2 }) : null;
  const gross =
    vat && !checkPrice(price, { minSalePrice: null, maxSalePrice: null, fbe: false }).length
      ? grossMinor(price.replace(',', '.'), vat.rate)
      : null;

  const send = async (field: 'price' | 'stock') => {
    if (!bounds) return;
    setTouched((was) => ({ ...was, [field]: true }));
    setNote(null);
    const problems = field === 'price' ? checkPrice(price, bounds) : checkStock(stock, bounds);
    if (problems.length > 0) return;
    const ok = await save.guard(() =>
      field === 'price'
        ? call('offers.setPrice', { accountId, offerId, price })
        : call('offers.setStock', { accountId, offerId, stock }),
    );
    if (ok) {
      setNote(t('offerEdit.queued'));
      await reload();
    }
  };

  const saveThreshold = async () => {
    setNote(null);
    const value = threshold.trim() === '' ? null : Number(threshold);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 65_535)) return;
    const ok = await save.guard(() => call('offers.setLowStock', { accountId, offerId, threshold: value }));
    if (ok) setNote(t('offerEdit.thresholdSaved'));
  };

  return (
    <Dialog title={t('offerEdit.editTitle', { id: offerId })} onClose={onClose} testId="offer-editor">
      {load.error && <ErrorNotice error={load.error} onRetry={() => void reload()} />}
      {details && (
        <div className="offer-editor">
          <p className="offer-editor-name">{details.name}</p>
          <dl className="offer-editor-facts">
            <dt>{t('offerEdit.category')}</dt>
            <dd data-testid="offer-editor-category">{details.categoryName ?? t('offerEdit.categoryUnknown')}</dd>
            <dt>{t('offerEdit.vat')}</dt>
            <dd data-testid="offer-editor-vat">
              {vatPercent === null ? '—' : t('offerEdit.vatRate', { rate: vatPercent })}
            </dd>
          </dl>
          <p className="muted small" data-testid="offer-editor-bounds">
            {details.minSalePrice && details.maxSalePrice
              ? t('offerEdit.bounds', {
                  min: formatDecimalMoney(details.minSalePrice, details.currency, language),
                  max: formatDecimalMoney(details.maxSalePrice, details.currency, language),
                })
              : t('offerEdit.boundsUnknown')}
          </p>
          <div className="offer-editor-row">
            <InputField
              label={t('offerEdit.price')}
              value={price}
              inputMode="decimal"
              onChange={(e) => setPrice(e.target.value)}
              onBlur={() => setTouched((was) => ({ ...was, price: true }))}
              hint={
                gross === null
                  ? undefined
                  : t('offerEdit.gross', { gross: formatMoney(gross, details.currency ?? 'RON', language) })
              }
              error={priceProblem ? problemText(priceProblem) : issueAt(save.error, 'price')}
              testId="offer-editor-price"
            />
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy}
              onClick={() => void send('price')}
              data-testid="offer-editor-save-price"
            >
              {t('offerEdit.savePrice')}
            </button>
          </div>
          <div className="offer-editor-row">
            <InputField
              label={t('offerEdit.stock')}
              value={stock}
              inputMode="numeric"
              disabled={details.fbe}
              onChange={(e) => setStock(e.target.value)}
              onBlur={() => setTouched((was) => ({ ...was, stock: true }))}
              hint={details.fbe ? t('offerEdit.fbeStock') : undefined}
              error={stockProblem ? problemText(stockProblem) : issueAt(save.error, 'stock')}
              testId="offer-editor-stock"
            />
            <button
              type="button"
              className="btn"
              disabled={save.busy || details.fbe}
              onClick={() => void send('stock')}
              data-testid="offer-editor-save-stock"
            >
              {t('offerEdit.saveStock')}
            </button>
          </div>
          <div className="offer-editor-row">
            <InputField
              label={t('offerEdit.threshold')}
              value={threshold}
              inputMode="numeric"
              onChange={(e) => setThreshold(e.target.value)}
              hint={t('offerEdit.thresholdHint', { global: details.globalLowStockThreshold })}
              testId="offer-editor-threshold"
            />
            <button
              type="button"
              className="btn"
              disabled={save.busy}
              onClick={() => void saveThreshold()}
              data-testid="offer-editor-save-threshold"
            >
              {t('offerEdit.saveThreshold')}
            </button>
          </div>
          {save.error && save.error.issues.length === 0 && <ErrorNotice error={save.error} />}
          {note && (
            <p className="muted" role="status" data-testid="offer-editor-note">
              {note}
            </p>
          )}
          {(details.edits?.length ?? 0) > 0 && (
            <div className="offer-editor-edits">
              <span className="muted small">{t('offerEdit.lastEdits')}</span>
              {details.edits!.map((edit) => (
                <EditBadge key={edit.actionId} edit={edit} />
              ))}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
