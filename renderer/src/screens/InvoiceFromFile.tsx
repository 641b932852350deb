// The invoice PDF of one order: dropped or picked, checked, then uploaded by main to the seller's bucket and attached
// as a 7-day link (its outbox state shows below, like every action). Without a bucket, it says why eMAG needs a
// public link and where to set a bucket up; pasting a link (OrderActions) works either way.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../shared/domain';
import { EMAG_ATTACHMENT_NAME_MAX, INVOICE_MAX_BYTES, type InvoiceUploadResult } from '../../../shared/invoices';
import { call } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateTime } from '../components/Formatted';
import { InputField } from '../components/InputField';
import { PdfDropZone } from '../components/PdfDropZone';
import { fileToBase64, formatFileSize, pdfFileProblem } from '../components/pdfFiles';
import { useGuardedCall } from '../components/useGuardedCall';
import { useLanguage } from '../components/useLanguage';
import { useInvoices } from '../stores/invoices';
import { useNavigation } from '../stores/navigation';

/** Why eMAG needs a public link, and what to do about it: shown wherever a PDF cannot be uploaded yet. */
export function NoBucketNotice({ testId = 'invoice-no-bucket' }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-info no-bucket" role="note" data-testid={testId}>
      <strong>{t('invoices.noBucketTitle')}</strong>
      <p className="notice-detail">{t('invoices.noBucketWhy')}</p>
      <p className="notice-detail">{t('invoices.noBucketHow')}</p>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => useNavigation.getState().navigate({ screen: 'settings' })}
        data-testid={`${testId}-settings`}
      >
        {t('invoices.openSettings')}
      </button>
    </div>
  );
}

export function InvoiceFromFile({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bucket = useInvoices((s) => s.bucket);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [result, setResult] = useState<InvoiceUploadResult | null>(null);
  const { error, busy, guard } = useGuardedCall();

  useEffect(() => {
    if (useInvoices.getState().bucket === undefined) void useInvoices.getState().loadBucket();
  }, []);

  if (bucket === undefined) return null;
  if (bucket === null) {
    return (
      <div className="action-block">
        <NoBucketNotice />
      </div>
    );
  }

  async function choose(files: File[]) {
    const chosen = files[0]!;
    setResult(null);
    const check = await pdfFileProblem(chosen);
    if (check === null) {
      setFile(chosen);
      setProblem(null);
      return;
    }
    setFile(null);
    setProblem(
      check === 'too_big'
        ? t('invoices.tooBig', {
            name: chosen.name,
            size: formatFileSize(chosen.size, language),
            limit: formatFileSize(INVOICE_MAX_BYTES, language),
          })
        : t('invoices.notPdf', { name: chosen.name }),
    );
  }

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    const ok = await guard(async () => {
      const uploaded = await call('invoices.attachFile', {
        accountId: order.accountId,
        orderId: order.id,
        fileName: file.name,
        contentBase64: await fileToBase64(file),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setResult(uploaded);
    });
    if (ok) {
      setFile(null);
      setName('');
    }
  }

  return (
    <form className="action-block" onSubmit={(e) => void upload(e)} data-testid="invoice-file-form">
      <strong>{t('invoices.fromFile')}</strong>
      <PdfDropZone
        onFiles={(files) => void choose(files)}
        hint={t('invoices.dropHint')}
        buttonLabel={t('invoices.choose')}
        disabled={busy}
        testId="invoice-drop"
      />
      {problem && (
        <div className="notice notice-error" role="alert" data-testid="invoice-file-problem">
          {problem}
        </div>
      )}
      {file && (
        <>
          <p data-testid="invoice-file-chosen">
            <strong>{file.name}</strong> <span className="muted">({formatFileSize(file.size, language)})</span>
          </p>
          <InputField
            label={t('invoices.nameLabel')}
            value={name}
            maxLength={EMAG_ATTACHMENT_NAME_MAX}
            placeholder={t('invoices.namePlaceholder', { id: order.id })}
            onChange={(e) => setName(e.target.value)}
            testId="invoice-file-name"
          />
          <div>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="invoice-upload">
              {busy ? t('invoices.uploading') : t('invoices.upload')}
            </button>
          </div>
        </>
      )}
      {error && <ErrorNotice error={error} testId="invoice-upload-error" />}
      {result && (
        <div className="notice notice-ok" role="status" data-testid="invoice-upload-done">
          {result.already ? (
            t('invoices.already')
          ) : (
            <span>
              {t('invoices.uploaded')} <DateTime value={result.expiresAt} />.
            </span>
          )}
        </div>
      )}
    </form>
  );
}
