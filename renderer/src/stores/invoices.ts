// The seller's invoice bucket as the window knows it (undefined until asked, null when none is set up), and its
// settings calls; the order detail and the bulk dialog read it to offer an upload or explain why there is none.
import { create } from 'zustand';
import type { BucketTestResult, InvoiceBucketView } from '../../../shared/invoices';
import type { InvoiceBucketInput } from '../../../shared/ipc';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { oncePerTurn } from './oncePerTurn';

interface InvoicesState {
  bucket: InvoiceBucketView | null | undefined;
  /** Why the bucket could not be read (the URL form still works). */
  bucketError: CallError | null;
  loadBucket(): Promise<void>;
  saveBucket(input: InvoiceBucketInput): Promise<InvoiceBucketView>;
  removeBucket(): Promise<void>;
  /** Without input: the saved bucket. */
  testBucket(input?: InvoiceBucketInput): Promise<BucketTestResult>;
}

export const useInvoices = create<InvoicesState>()((set) => ({
  bucket: undefined,
  bucketError: null,
  // The order detail and Settings may both ask when they mount: one request.
  loadBucket: oncePerTurn(async () => {
    try {
      set({ bucket: (await call('invoices.bucket.get')).bucket, bucketError: null });
    } catch (error) {
      set({ bucketError: CallError.from(error) });
    }
  }),
  async saveBucket(input) {
    const bucket = await call('invoices.bucket.save', input);
    set({ bucket });
    return bucket;
  },
  async removeBucket() {
    await call('invoices.bucket.remove');
    set({ bucket: null });
  },
  testBucket: (input) => call('invoices.bucket.test', input),
}));
