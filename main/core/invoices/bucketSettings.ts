// Where the seller's invoice bucket is remembered: the plain settings (endpoint, region, bucket, key id, options) in
// the settings table's small-state key, the secret access key in the SecretStore like an eMAG password. The database
// never holds the secret.
import { randomUUID } from 'node:crypto';
import type { InvoiceBucketInput } from '../../../shared/ipc';
import type { InvoiceBucketView } from '../../../shared/invoices';
import type { Repositories } from '../db';
import { AppError, invalidInput } from '../errors';
import type { SecretStore } from '../secrets/store';
import { endpointProblem, type BucketConfig } from './s3Bucket';

const SETTINGS_KEY = 'invoiceBucket';

/** What is stored: the view's settings, and where the secret is instead of whether it is there. */
type StoredBucket = Omit<InvoiceBucketView, 'hasSecret'> & { secretRef: string };

/** Parsed settings input (zod applied the defaults). */
export type BucketSettingsInput = Omit<InvoiceBucketInput, 'pathStyle' | 'keyPrefix'> & {
  pathStyle: boolean;
  keyPrefix: string;
};

const normalizeEndpoint = (endpoint: string): string => endpoint.trim().replace(/\/+$/, '');
const normalizePrefix = (prefix: string): string => prefix.trim().replace(/^\/+/, '');

export const notConfigured = (): AppError =>
  new AppError('conflict', (text) => text.errors.invoices.notConfigured, undefined, 'bucket.not_configured');

export function bucketSettings(repos: Repositories, secrets: SecretStore) {
  const read = (): StoredBucket | null => {
    const text = repos.settings.getValue(SETTINGS_KEY);
    if (!text) return null;
    try {
      return JSON.parse(text) as StoredBucket;
    } catch {
      return null;
    }
  };

  const toView = (stored: StoredBucket): InvoiceBucketView => ({
    endpoint: stored.endpoint,
    region: stored.region,
    bucket: stored.bucket,
    accessKeyId: stored.accessKeyId,
    pathStyle: stored.pathStyle,
    keyPrefix: stored.keyPrefix,
    hasSecret: secrets.get(stored.secretRef) !== undefined,
  });

  /** Checks an input and completes it into a usable config (the stored secret when none is typed). */
  const configFrom = (input: BucketSettingsInput): BucketConfig => {
    const problem = endpointProblem(normalizeEndpoint(input.endpoint));
    if (problem) throw invalidInput([{ path: 'endpoint', message: problem }]);
    const stored = read();
    const secret = input.secretAccessKey ?? (stored ? secrets.get(stored.secretRef) : undefined);
    if (!secret) {
      throw invalidInput([{ path: 'secretAccessKey', message: (text) => text.errors.invoices.secretRequired }]);
    }
    return {
      endpoint: normalizeEndpoint(input.endpoint),
      region: input.region.trim(),
      bucket: input.bucket.trim(),
      accessKeyId: input.accessKeyId.trim(),
      secretAccessKey: secret,
      pathStyle: input.pathStyle,
      keyPrefix: normalizePrefix(input.keyPrefix),
    };
  };

  return {
    view: (): InvoiceBucketView | null => {
      const stored = read();
      return stored ? toView(stored) : null;
    },

    /** The saved bucket with its secret; `not_configured` when there is none (or its secret was lost). */
    config(): BucketConfig {
      const stored = read();
      const secret = stored ? secrets.get(stored.secretRef) : undefined;
      if (!stored || !secret) throw notConfigured();
      const { secretRef: _ref, ...plain } = stored;
      return { ...plain, secretAccessKey: secret };
    },

    configFrom,

    save(input: BucketSettingsInput): InvoiceBucketView {
      const config = configFrom(input);
      const previous = read();
      const secretRef = previous?.secretRef ?? `invoice-bucket:${randomUUID()}`;
      if (input.secretAccessKey) secrets.set(secretRef, input.secretAccessKey);
      const { secretAccessKey: _secret, ...plain } = config;
      const stored: StoredBucket = { ...plain, secretRef };
      repos.settings.setValue(SETTINGS_KEY, JSON.stringify(stored));
      return toView(stored);
    },

    remove(): boolean {
      const stored = read();
      if (!stored) return false;
      repos.settings.setValue(SETTINGS_KEY, ''); // the small-state table has no delete: empty means none
      secrets.delete(stored.secretRef);
      return true;
    },
  };
}

export type BucketSettings = ReturnType<typeof bucketSettings>;
