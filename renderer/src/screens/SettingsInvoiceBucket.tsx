// Settings → Invoice PDFs: the seller's S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO) that
// invoice PDFs go to before eMAG is given a 7-day signed link. "Test bucket" does a real upload, signed read and
// delete of what is on screen; the secret key is never shown again once saved (main keeps it like the eMAG password).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BucketTestResult, InvoiceBucketView } from '../../../shared/invoices';
import type { InvoiceBucketInput } from '../../../shared/ipc';
import { Card } from '../components/Card';
import { CheckField } from '../components/CheckField';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/InputField';
import { useGuardedCall } from '../components/useGuardedCall';
import { useInvoices } from '../stores/invoices';

/** The saved settings plus the secret box (empty: keep the stored key). */
type BucketForm = Omit<InvoiceBucketView, 'hasSecret'> & { secretAccessKey: string };

const formOf = (view: InvoiceBucketView | null | undefined): BucketForm => ({
  endpoint: view?.endpoint ?? '',
  region: view?.region ?? '',
  bucket: view?.bucket ?? '',
  accessKeyId: view?.accessKeyId ?? '',
  secretAccessKey: '',
  pathStyle: view?.pathStyle ?? false,
  keyPrefix: view?.keyPrefix ?? '',
});

const inputOf = (form: BucketForm): InvoiceBucketInput => ({
  endpoint: form.endpoint.trim(),
  region: form.region.trim(),
  bucket: form.bucket.trim(),
  accessKeyId: form.accessKeyId.trim(),
  ...(form.secretAccessKey ? { secretAccessKey: form.secretAccessKey } : {}),
  pathStyle: form.pathStyle,
  keyPrefix: form.keyPrefix.trim(),
});

const TEXT_FIELDS: {
  key: Exclude<keyof BucketForm, 'pathStyle'>;
  maxLength: number;
  hint?: boolean;
  wide?: boolean;
}[] = [
  { key: 'endpoint', maxLength: 300, hint: true, wide: true },
  { key: 'region', maxLength: 64, hint: true },
  { key: 'bucket', maxLength: 63 },
  { key: 'accessKeyId', maxLength: 128 },
  { key: 'secretAccessKey', maxLength: 256 },
  { key: 'keyPrefix', maxLength: 200, hint: true },
];

export function BucketVerdict({ result }: { result: BucketTestResult }) {
  const { t } = useTranslation();
  return (
    <div
      className={`notice ${result.ok ? 'notice-ok' : 'notice-error'}`}
      role="status"
      data-testid="bucket-test-result"
      data-ok={result.ok}
    >
      <strong>{result.ok ? t('invoices.bucket.testOk') : t('invoices.bucket.testFailed')}</strong>
      {result.problem && <span>{t(`errors.code.bucket.${result.problem}`)}</span>}
      {result.ok && result.linkLength !== null && (
        <span>{t('invoices.bucket.testOkDetail', { length: result.linkLength })}</span>
      )}
      {!result.ok && <span className="notice-detail">{result.message}</span>}
      {result.publicRead && (
        <span className="notice-detail" data-testid="bucket-public-read">
          {t('invoices.bucket.publicRead')}
        </span>
      )}
    </div>
  );
}

export function InvoiceBucketSection() {
  const { t } = useTranslation();
  const bucket = useInvoices((s) => s.bucket);
  const [form, setForm] = useState<BucketForm>(() => formOf(bucket));
  const [verdict, setVerdict] = useState<BucketTestResult | null>(null);
  const [saved, setSaved] = useState(false);
  const { error, busy, guard } = useGuardedCall();
  const fieldErrors = Object.fromEntries((error?.issues ?? []).map((issue) => [issue.path, issue.message]));

  useEffect(() => {
    if (useInvoices.getState().bucket === undefined) void useInvoices.getState().loadBucket();
  }, []);
  // The saved bucket arriving (or changing on save) refills the form, during render as React recommends.
  const [formFor, setFormFor] = useState(bucket);
  if (formFor !== bucket) {
    setFormFor(bucket);
    setForm(formOf(bucket));
  }

  const edit = (patch: Partial<BucketForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setSaved(false);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setVerdict(null);
    setSaved(await guard(() => useInvoices.getState().saveBucket(inputOf(form))));
  }

  async function test() {
    setVerdict(null);
    setSaved(false);
    await guard(async () => setVerdict(await useInvoices.getState().testBucket(inputOf(form))));
  }

  async function remove() {
    if (!window.confirm(t('invoices.bucket.confirmRemove'))) return;
    setVerdict(null);
    if (await guard(() => useInvoices.getState().removeBucket())) setSaved(false);
  }

  const complete = form.endpoint.trim() && form.region.trim() && form.bucket.trim() && form.accessKeyId.trim();
  const canSend = Boolean(complete) && (form.secretAccessKey !== '' || bucket?.hasSecret === true);

  return (
    <Card title={t('invoices.bucket.title')} testId="settings-bucket">
      <p className="hint">{t('invoices.bucket.intro')}</p>
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        {TEXT_FIELDS.map(({ key, maxLength, hint, wide }) => (
          <InputField
            key={key}
            {...(wide ? { style: { gridColumn: '1 / -1' } } : {})}
            label={t(`invoices.bucket.field.${key}`)}
            hint={hint ? t(`invoices.bucket.hint.${key}`) : undefined}
            type={key === 'secretAccessKey' ? 'password' : 'text'}
            autoComplete={key === 'secretAccessKey' ? 'new-password' : 'off'}
            placeholder={key === 'secretAccessKey' && bucket?.hasSecret ? t('invoices.bucket.secretKeep') : undefined}
            value={form[key]}
            maxLength={maxLength}
            spellCheck={false}
            onChange={(e) => edit({ [key]: e.target.value })}
            error={fieldErrors[key]}
            testId={`bucket-${key}`}
          />
        ))}
        <CheckField
          label={t('invoices.bucket.pathStyle')}
          checked={form.pathStyle}
          onChange={(pathStyle) => edit({ pathStyle })}
          style={{ gridColumn: '1 / -1' }}
          testId="bucket-pathStyle"
        />
        <p className="hint" style={{ gridColumn: '1 / -1' }}>
          {t('invoices.bucket.secretStored')}
        </p>
        <div style={{ gridColumn: '1 / -1' }}>
          {error && <ErrorNotice error={error} testId="bucket-error" />}
          {verdict && <BucketVerdict result={verdict} />}
          {saved && (
            <div className="notice notice-ok" role="status" data-testid="bucket-saved">
              {t('invoices.bucket.saved')}
            </div>
          )}
        </div>
        <div className="form-actions" style={{ gridColumn: '1 / -1' }}>
          {bucket && (
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void remove()}
              disabled={busy}
              data-testid="bucket-remove"
            >
              {t('common.remove')}
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => void test()}
            disabled={busy || !canSend}
            data-testid="bucket-test"
          >
            {busy ? t('invoices.bucket.testing') : t('invoices.bucket.test')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !canSend} data-testid="bucket-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
