// A real S3-compatible server on 127.0.0.1 for the invoice tests: s3rver (objects on disk, S3's XML answers, its own
// expiry check of presigned links) behind a private-bucket guard. s3rver 3.7 does not check Signature V4 and lets
// anyone read, so the guard does what AWS S3 does for a private bucket, written independently of aws4fetch: every
// request must carry a valid SigV4 signature (Authorization header or presigned query) from the one known key pair;
// anything else is refused with S3's own error codes (AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch,
// RequestTimeTooSkewed).
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { BucketConfig } from '../../main/core/invoices/s3Bucket';

/** s3rver's built-in account (it checks the key id exists); the secret is the guard's, so it can be told apart. */
export const S3_ACCESS_KEY_ID = 'S3RVER';
export const S3_SECRET = 'magflow-test/Secret+Key=42';
export const S3_REGION = 'us-east-1';

export interface S3Request {
  method: string;
  path: string;
  status: number;
  auth: 'header' | 'query' | 'none';
}

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  port: number;
  /** Every request the server received, with the status it answered. */
  requests: S3Request[];
  close(): Promise<void>;
}

const rfc3986 = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text).digest();

function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

/** 20261201T060501Z → ms. */
function parseAmzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Checks one request's SigV4 signature; null when it is valid. */
function checkSignature(
  method: string,
  rawUrl: string,
  headers: Record<string, string | string[] | undefined>,
): Refusal | null | 'anonymous' {
  const [rawPath = '/', rawQuery = ''] = rawUrl.split('?', 2);
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=', 2);
      return [decodeURIComponent(name.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))] as const;
    });
  const query = new Map(pairs);
  const header = (name: string): string => {
    const value = headers[name];
    return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
  };
  let credential: string;
  let signedHeaders: string;
  let signature: string;
  let amzDate: string;
  let payloadHash: string;
  const presigned = query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256';
  if (presigned) {
    credential = query.get('X-Amz-Credential') ?? '';
    signedHeaders = query.get('X-Amz-SignedHeaders') ?? '';
    signature = query.get('X-Amz-Signature') ?? '';
    amzDate = query.get('X-Amz-Date') ?? '';
    payloadHash = 'UNSIGNED-PAYLOAD';
  } else {
    const auth = header('authorization');
    if (!auth) return 'anonymous';
    const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(auth);
    if (!m) return { status: 400, code: 'AuthorizationHeaderMalformed', message: 'Unsupported authorization' };
    [, credential = '', signedHeaders = '', signature = ''] = m;
    amzDate = header('x-amz-date');
    payloadHash = header('x-amz-content-sha256') || 'UNSIGNED-PAYLOAD';
  }
  const [keyId, day, region, service] = credential.split('/');
  if (keyId !== S3_ACCESS_KEY_ID) {
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  }
  const signedAt = parseAmzDate(amzDate);
  if (!presigned && Math.abs(Date.now() - signedAt) > 15 * 60_000) {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  const canonicalQuery = pairs
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names.map((name) => `${name}:${header(name).replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${S3_SECRET}`, day ?? ''), region ?? ''), service ?? ''), 'aws4_request');
  if (hmac(key, stringToSign).toString('hex') !== signature) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return null;
}

/** Starts s3rver with one bucket on a free port of 127.0.0.1, behind the private-bucket guard. */
export async function startS3Server(bucket = 'facturi'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'magflow-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    resetOnClose: true,
    configureBuckets: [{ name: bucket }],
  });
  const requests: S3Request[] = [];
  server.middleware.unshift(async (ctx, next) => {
    const rawUrl = ctx.req.url ?? '/';
    const verdict = checkSignature(ctx.method, rawUrl, ctx.req.headers);
    const entry: S3Request = {
      method: ctx.method,
      path: rawUrl.split('?')[0]!,
      status: 0,
      auth: verdict === 'anonymous' ? 'none' : rawUrl.includes('X-Amz-Signature=') ? 'query' : 'header',
    };
    requests.push(entry);
    const refusal: Refusal | null =
      verdict === 'anonymous' ? { status: 403, code: 'AccessDenied', message: 'Access Denied' } : verdict;
    if (refusal) {
      ctx.status = refusal.status;
      ctx.type = 'application/xml';
      ctx.body = xmlError(refusal.code, refusal.message);
      entry.status = refusal.status;
      return;
    }
    // s3rver's own refusals (an expired link, no such key) are thrown past this point: read the status sent.
    ctx.res.once('finish', () => (entry.status = ctx.res.statusCode));
    await next();
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    port,
    requests,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Bucket settings that point at this server (path-style, as 127.0.0.1 has no bucket subdomains), with overrides. */
export function bucketSettingsFor(s3: S3TestServer, overrides: Partial<BucketConfig> = {}): BucketConfig {
  return {
    endpoint: s3.endpoint,
    region: S3_REGION,
    bucket: s3.bucket,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET,
    pathStyle: true,
    keyPrefix: 'magflow/',
    ...overrides,
  };
}
