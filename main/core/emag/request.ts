// One account's request pipeline: retry -> circuit breaker -> in-flight cap -> rate limit -> timeout -> HTTP -> envelope -> schema.
import { BrokenCircuitError, BulkheadRejectedError, IsolatedCircuitError, TaskCancelledError } from 'cockatiel';
import type { z } from 'zod';
import type { Logger } from '../logging';
import { BREAKER_STATE_VALUE, type EmagMetrics } from '../metrics';
import { interpretAnswer, type Envelope } from './envelope';
import { abortedError, configError, EmagError, isEmagError } from './errors';
import { classifyNetworkError, sendOnce, type FetchLike, type OutgoingRequest } from './http';
import { AccountRateLimiter, type BucketStats, type LimiterTime } from './rateLimiter';
import { breakerStateName, createAccountPolicies, type BreakerStateName } from './resilience';
import type { EmagRoute, RateBucketName } from './routes';
import { timeoutFor, type EmagClientSettings } from './settings';

export interface CallOptions {
  /** Cancels the call wherever it is: queued, waiting for a rate-limit slot, in flight, or between retries. */
  signal?: AbortSignal;
}

export interface RequestSpec<T> extends CallOptions {
  route: EmagRoute;
  /** Appended to the route path, e.g. `/12345` for order/acknowledge. */
  pathSuffix?: string;
  /** The whole path after the base URL, when the id sits inside it (`order/12345/unlock-courier`). */
  path?: string;
  /** JSON body: the filter object of a read, the entity list of a save. */
  body?: unknown;
  /** The answer is a file (awb/read_pdf): its bytes are validated by `schema` instead of an envelope's `results`. */
  binary?: boolean;
  /** Validates and types `results`. */
  schema: z.ZodType<T>;
}

export interface CallResult<T> {
  value: T;
  messages: string[];
}

export type BucketRuntimeStats = BucketStats & {
  /** Attempts of this bucket inside the in-flight cap (waiting for a rate-limit slot or being sent). */
  inFlight: number;
  /** Attempts queued for an in-flight slot. */
  waitingForInFlight: number;
  /** Attempts not sent yet: waiting for an in-flight slot or a rate-limit slot (the queue-length gauge). */
  waiting: number;
};

export type ClientLimiterStats = Record<RateBucketName, BucketRuntimeStats>;

export interface Requester {
  call<T>(spec: RequestSpec<T>): Promise<CallResult<T>>;
  limiterStats(): ClientLimiterStats;
  breakerState(): BreakerStateName;
}

export interface RequesterDeps {
  logger: Logger;
  /** Removes this account's secrets from text (error messages leave the client scrubbed). */
  scrub: (text: string) => string;
  metrics: EmagMetrics;
  fetch: FetchLike;
  time: LimiterTime;
}

/** Rejects as soon as the signal aborts, even while the work is parked in a backoff delay. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined, route: string): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError(route, signal.reason));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * eMAG's X-RateLimit-*-3second headers (the spec's example): when none of the 3-second budget is left, hold the
 * bucket back for one slot of that window (3 s / limit) before its next send. Returns the hold in ms, or 0.
 */
export function holdFromHeaders(headers: Headers, penaltyMs: number): number {
  const remaining = headers.get('x-ratelimit-remaining-3second');
  if (remaining === null || remaining.trim() === '' || Number(remaining) > 0) return 0;
  if (!Number.isFinite(Number(remaining))) return 0;
  const limit = Number(headers.get('x-ratelimit-limit-3second'));
  return Number.isFinite(limit) && limit > 0 ? Math.ceil(3_000 / limit) : penaltyMs;
}

function describeSchemaProblem(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${first.join('; ')}${more}`;
}

/** Every budget a route spends. */
const bucketsOf = (route: EmagRoute): RateBucketName[] =>
  route.alsoCounts ? [route.bucket, route.alsoCounts] : [route.bucket];

export function createRequester(settings: EmagClientSettings, deps: RequesterDeps): Requester {
  const { account } = settings;
  const { logger: log, metrics } = deps;
  const policies = createAccountPolicies(settings);
  const limiter = new AccountRateLimiter(settings.rateLimits, settings.rateLimits, deps.time, (bucket) => ({
    onGrant: (waitedMs) => metrics.rateLimitWait.observe({ account, bucket }, waitedMs / 1000),
  }));
  // Attempts waiting for their turn (an in-flight slot, then a rate-limit slot), per bucket.
  const waiting: Record<RateBucketName, number> = { orders: 0, other: 0 };
  const setWaiting = (bucket: RateBucketName, delta: number): void => {
    waiting[bucket] += delta;
    metrics.rateLimitQueue.set({ account, bucket }, waiting[bucket]);
  };
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;

  // Bumped on every break, so a call that waited for a rate-limit slot can tell the breaker opened meanwhile.
  let breakGeneration = 0;
  metrics.breakerState.set({ account }, BREAKER_STATE_VALUE.closed);
  policies.breaker.onBreak(() => {
    breakGeneration += 1;
    metrics.breakerState.set({ account }, BREAKER_STATE_VALUE.open);
    log.warn('eMAG circuit breaker opened: calls fail fast until the cool-down ends', {
      coolDownMs: settings.breaker.halfOpenAfterMs,
    });
  });
  policies.breaker.onHalfOpen(() => {
    metrics.breakerState.set({ account }, BREAKER_STATE_VALUE['half-open']);
    log.info('eMAG circuit breaker half-open: sending one trial request');
  });
  policies.breaker.onReset(() => {
    metrics.breakerState.set({ account }, BREAKER_STATE_VALUE.closed);
    log.info('eMAG circuit breaker closed: calls flow again');
  });
  policies.retry.onRetry((event) => {
    const error = 'error' in event ? event.error : undefined;
    const route = isEmagError(error) ? error.route : 'unknown';
    metrics.retries.inc({ account, route });
    log.warn('Retrying eMAG request after a transient failure', {
      route,
      retry: event.attempt,
      delayMs: Math.round(event.delay),
      kind: isEmagError(error) ? error.kind : undefined,
      status: isEmagError(error) ? error.status : undefined,
      error: isEmagError(error) ? error.message : String(error),
    });
  });

  /** Maps whatever a policy threw to an EmagError. */
  function toEmagError(error: unknown, route: EmagRoute): EmagError {
    if (isEmagError(error)) return error;
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
      const last = policies.breaker.lastFailure;
      const lastError = last && 'error' in last && isEmagError(last.error) ? last.error : undefined;
      return new EmagError({
        kind: 'circuitOpen',
        message:
          `eMAG calls for account ${account} are paused after repeated failures; they resume after the cool-down` +
          (lastError ? ` (last failure: ${lastError.message})` : ''),
        route: route.name,
        cause: lastError ?? error,
      });
    }
    if (error instanceof BulkheadRejectedError) {
      return new EmagError({
        kind: 'rateLimit',
        message: `Too many eMAG calls queued for account ${account} (more than ${settings.maxQueued})`,
        route: route.name,
        transient: false,
        cause: error,
      });
    }
    if (error instanceof TaskCancelledError) return abortedError(route.name, error);
    return new EmagError({
      kind: 'transport',
      message: `Unexpected failure calling eMAG ${route.name}: ${error instanceof Error ? error.message : String(error)}`,
      route: route.name,
      transient: false,
      cause: error,
    });
  }

  /** One HTTP exchange, measured and logged; the error it throws is final for this attempt. */
  async function exchange<T>(
    spec: RequestSpec<T>,
    request: OutgoingRequest,
    attemptSignal: AbortSignal,
    attempt: number,
    waitedMs: number,
  ): Promise<CallResult<T>> {
    const { route } = spec;
    const started = performance.now();
    let outcome = 'ok';
    let status: number | undefined;
    try {
      let envelope: Envelope;
      try {
        const answer = await sendOnce(deps.fetch, request, attemptSignal);
        status = answer.status;
        const hold = status === 429 ? 0 : holdFromHeaders(answer.headers, settings.rateLimits.penaltyMs);
        if (hold > 0) {
          for (const bucket of bucketsOf(route)) limiter.holdFor(bucket, hold);
          log.debug('eMAG reports no 3-second budget left: holding the bucket back', { route: route.name, hold });
        }
        if (spec.binary && answer.bytes && status >= 200 && status < 300) {
          const file = spec.schema.safeParse(answer.bytes);
          if (file.success) return { value: file.data, messages: [] };
        }
        envelope = interpretAnswer(route, answer);
      } catch (error) {
        if (status === undefined)
          throw classifyNetworkError(route, error, attemptSignal, spec.signal, timeoutFor(settings, route.name));
        // eMAG got this request: repeating a non-idempotent one could apply it twice (429s were never processed).
        throw isEmagError(error) && !route.idempotent && error.kind !== 'rateLimit' ? error.withoutRetry() : error;
      }
      const parsed = spec.schema.safeParse(envelope.results);
      if (!parsed.success) {
        throw new EmagError({
          kind: 'badResponse',
          message: `eMAG's answer to ${route.name} has an unexpected shape: ${describeSchemaProblem(parsed.error)}`,
          route: route.name,
          messages: envelope.messages,
          status,
        });
      }
      return { value: parsed.data, messages: envelope.messages };
    } catch (raw) {
      const error = toEmagError(raw, route);
      outcome = error.kind;
      if (error.kind === 'rateLimit' && error.status === 429) {
        for (const bucket of bucketsOf(route)) limiter.penalize(bucket, error.retryAfterMs);
        metrics.rateLimitHits.inc({ account, bucket: route.bucket });
        log.warn('eMAG answered 429 despite the rate limiter: slowing this bucket down', {
          route: route.name,
          bucket: route.bucket,
          retryAfterMs: error.retryAfterMs,
        });
      }
      if (error.kind === 'timeout') metrics.timeouts.inc({ account, route: route.name });
      throw error;
    } finally {
      const ms = performance.now() - started;
      metrics.requests.inc({ account, route: route.name, outcome });
      metrics.requestDuration.observe({ account, route: route.name, outcome }, ms / 1000);
      log.debug('eMAG request', {
        route: route.name,
        method: request.method,
        status,
        outcome,
        attempt,
        waitedMs: Math.round(waitedMs),
        ms: Math.round(ms),
      });
    }
  }

  /**
   * One attempt through the in-flight cap, the breaker, the rate limiter and the timeout. The cap sits outside the
   * breaker so a slot is only released after the breaker has recorded the outcome: queued calls then see it open.
   */
  async function attemptOnce<T>(
    spec: RequestSpec<T>,
    request: OutgoingRequest,
    attempt: number,
  ): Promise<CallResult<T>> {
    const { route, signal } = spec;
    let stillWaiting = true;
    const stopWaiting = (): void => {
      if (stillWaiting) setWaiting(route.bucket, -1);
      stillWaiting = false;
    };
    setWaiting(route.bucket, +1);
    try {
      return await policies.inFlight[route.bucket].execute(
        () =>
          policies.breaker.execute(async () => {
            const generation = breakGeneration;
            let waitedMs = 0;
            try {
              // A route that also spends a second budget takes that slot first, then its own right before sending.
              if (route.alsoCounts) waitedMs += await limiter.acquire(route.alsoCounts, signal);
              // Granted immediately before sending: the limiter counts requests at send time.
              waitedMs += await limiter.acquire(route.bucket, signal);
            } catch (error) {
              throw abortedError(route.name, error);
            } finally {
              stopWaiting();
            }
            // The breaker opened while this call waited for its slot: do not send.
            if (generation !== breakGeneration) throw new BrokenCircuitError();
            return policies
              .timeout(timeoutFor(settings, route.name))
              .execute(
                ({ signal: attemptSignal }) => exchange(spec, request, attemptSignal, attempt, waitedMs),
                signal,
              );
          }, signal),
        signal,
      );
    } catch (error) {
      throw toEmagError(error, route);
    } finally {
      stopWaiting();
    }
  }

  async function call<T>(spec: RequestSpec<T>): Promise<CallResult<T>> {
    const { route, signal } = spec;
    let body: string | undefined;
    try {
      body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    } catch (error) {
      throw configError(`The ${route.name} payload cannot be sent as JSON: ${String(error)}`, route.name);
    }
    const request: OutgoingRequest = {
      url: `${settings.baseUrl}/${spec.path ?? `${route.name}${spec.pathSuffix ?? ''}`}`,
      method: route.method,
      headers: {
        authorization,
        accept: spec.binary ? 'application/pdf, application/json' : 'application/json',
        ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
        'user-agent': settings.userAgent,
      },
      ...(body === undefined || route.method === 'GET' ? {} : { body }),
      ...(spec.binary ? { binary: true } : {}),
    };
    try {
      if (signal?.aborted) throw abortedError(route.name, signal.reason);
      const work = policies.retry.execute(({ attempt }) => attemptOnce(spec, request, attempt + 1), signal);
      return await raceAbort(work, signal, route.name);
    } catch (raw) {
      // eMAG can echo what it was sent; the caller may log this error with a sink that does not know our secrets.
      const error = toEmagError(raw, route).forAccount(account).withText(deps.scrub);
      const fields = { route: route.name, kind: error.kind, status: error.status, messages: error.messages };
      if (error.kind === 'aborted') log.debug('eMAG call cancelled', fields);
      else log.warn(`eMAG call failed: ${error.message}`, fields);
      throw error;
    }
  }

  return {
    call,
    breakerState: () => breakerStateName(policies.breaker.state),
    limiterStats: () => {
      const buckets = limiter.stats();
      const entry = (bucket: RateBucketName): BucketRuntimeStats => ({
        ...buckets[bucket],
        inFlight: settings.maxInFlight[bucket] - policies.inFlight[bucket].executionSlots,
        waitingForInFlight: settings.maxQueued - policies.inFlight[bucket].queueSlots,
        waiting: waiting[bucket],
      });
      return { orders: entry('orders'), other: entry('other') };
    },
  };
}
