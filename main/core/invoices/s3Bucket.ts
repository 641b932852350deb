// The seller's S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO), signed with AWS Signature V4 by
// aws4fetch: upload an object, presign a GET link for it, delete it. Every failure becomes a BucketError whose
// `problem` the window explains (wrong keys, no such bucket, wrong region, clock, network).
import { AwsClient } from 'aws4fetch';
import type { BucketProblem } from '../../../shared/invoices';
import { isLoopbackHost } from '../emag/platforms';
import type { Localized } from '../messages/localized';

export interface BucketConfig {
  /** Scheme and host (and port) of the S3 API, e.g. https://s3.eu-central-1.amazonaws.com. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** https://endpoint/bucket/key instead of https://bucket.endpoint/key (MinIO and most self-hosted servers). */
  pathStyle: boolean;
  /** Put before every object key, e.g. "magflow/". */
  keyPrefix: string;
}

export class BucketError extends Error {
  constructor(
    readonly problem: BucketProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BucketError';
  }
}

export const isBucketError = (error: unknown): error is BucketError => error instanceof BucketError;

export interface S3BucketOptions {
  /** The clock requests are signed with (S3 refuses a signature more than 15 minutes off its own time). */
  now?: () => Date;
  /** Per request, from sending to the whole answer (default 60 s: a 10 MB upload on a slow line). */
  timeoutMs?: number;
}

/** Why an endpoint cannot be used, or null: https, or plain http to this computer only (a local MinIO, the tests). */
export function endpointProblem(endpoint: string): Localized | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return (text) => text.errors.invoices.endpoint.notUrl;
  }
  if (url.username || url.password) return (text) => text.errors.invoices.endpoint.credentials;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    const host = url.hostname;
    return (text) => text.errors.invoices.endpoint.plainHttp(host);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return (text) => text.errors.invoices.endpoint.notHttps;
  if (url.pathname !== '/' || url.search || url.hash) return (text) => text.errors.invoices.endpoint.serverOnly;
  return null;
}

/** SigV4's timestamp form: 20261201T060501Z. */
const amzDate = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Each key segment percent-encoded as S3 expects, the slashes kept. */
const encodeKey = (key: string): string =>
  key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`))
    .join('/');

const xmlField = (xml: string, name: string): string | null =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim() ?? null;

const AUTH_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'InvalidToken',
  'ExpiredToken',
  'InvalidSecurity',
  'AllAccessDisabled',
]);
const REGION_CODES = new Set([
  'AuthorizationHeaderMalformed',
  'PermanentRedirect',
  'IncorrectEndpoint',
  'InvalidRegion',
  'IllegalLocationConstraintException',
]);

/** Turns S3's error answer (XML with Code and Message) into a BucketError saying what was being done. */
async function refusal(response: Response, what: string): Promise<BucketError> {
  const body = await response.text().catch(() => '');
  const code = xmlField(body, 'Code');
  const detail = xmlField(body, 'Message');
  const summary = `${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}`;
  if (code === 'RequestTimeTooSkewed') return new BucketError('clock', summary);
  if (code === 'NoSuchBucket') return new BucketError('no_bucket', summary);
  if ((code && REGION_CODES.has(code)) || response.status === 301) return new BucketError('region', summary);
  if ((code && AUTH_CODES.has(code)) || response.status === 401 || response.status === 403) {
    return new BucketError('auth', summary);
  }
  return new BucketError('refused', summary);
}

function unreachable(error: unknown, host: string, what: string): BucketError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason =
    (error as Error).name === 'TimeoutError'
      ? 'no answer in time'
      : (cause?.code ?? cause?.message ?? (error as Error).message);
  return new BucketError('network', `${what}: ${host} could not be reached (${reason})`);
}

export type S3Bucket = ReturnType<typeof s3Bucket>;

export function s3Bucket(config: BucketConfig, options: S3BucketOptions = {}) {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const endpoint = new URL(config.endpoint);
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    retries: 0, // a failed upload is reported to the seller, who still has the file; no silent minute of retries
  });

  /** Where an object lives: path-style or virtual-hosted. */
  const objectUrl = (key: string): URL => {
    const url = new URL(endpoint.href);
    if (config.pathStyle) url.pathname = `/${config.bucket}/${encodeKey(key)}`;
    else {
      url.hostname = `${config.bucket}.${endpoint.hostname}`;
      url.pathname = `/${encodeKey(key)}`;
    }
    return url;
  };

  async function send(method: 'PUT' | 'DELETE', key: string, what: string, init: RequestInit = {}): Promise<void> {
    const url = objectUrl(key);
    const signed = await client.sign(url.href, { method, ...init, aws: { datetime: amzDate(now()) } });
    let response: Response;
    try {
      response = await fetch(signed, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw unreachable(error, url.host, what);
    }
    if (!response.ok) throw await refusal(response, what);
    await response.arrayBuffer().catch(() => undefined);
  }

  return {
    config,
    /** The full object key for a name: the prefix, then the name. */
    keyFor: (name: string): string => `${config.keyPrefix}${name}`,
    objectUrl,

    put: (key: string, bytes: Uint8Array, contentType = 'application/pdf'): Promise<void> =>
      send('PUT', key, 'the upload to the bucket failed', {
        body: bytes,
        headers: { 'Content-Type': contentType },
      }),

    delete: (key: string): Promise<void> => send('DELETE', key, 'deleting from the bucket failed'),

    /** A GET link anyone can use until it expires (at most 7 days, SigV4's limit). No request is made. */
    async presignGet(key: string, expiresSec: number, at: Date = now()): Promise<string> {
      const url = objectUrl(key);
      url.searchParams.set('X-Amz-Expires', String(expiresSec));
      const signed = await client.sign(url.href, { method: 'GET', aws: { signQuery: true, datetime: amzDate(at) } });
      return signed.url;
    },

    /** Reads a link the way eMAG will: a plain GET, no credentials. */
    async fetchLink(link: string, what: string): Promise<{ status: number; bytes: Buffer; body: string }> {
      let response: Response;
      try {
        response = await fetch(link, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw unreachable(error, new URL(link).host, what);
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, bytes, body: response.ok ? '' : bytes.toString('utf8').slice(0, 2000) };
    },
  };
}

/** The error text of a failed link read (S3's Code and Message when it sent them). */
export function linkRefusal(status: number, body: string): string {
  const code = xmlField(body, 'Code');
  const detail = xmlField(body, 'Message');
  return `HTTP ${status}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}`;
}
