/**
 * How long a rate limit asks Release Deck to wait, read from GitHub's headers with suspicion: a proxy, a
 * misconfigured server or a clock far off can send a reset decades away, in the past, negative or not a
 * number at all. GitHub's advice ("Rate limits for the REST API" › "Exceeding the rate limit", and
 * "Best practices for using the REST API"): after `retry-after`, wait that many seconds; with
 * `x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset` (UTC epoch seconds); otherwise wait at
 * least one minute.
 */

/** GitHub's "wait at least one minute" when it names no usable time. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** The longest Release Deck stays blocked on one answer; past it, it says so and tries again later. */
export const MAX_RATE_LIMIT_WAIT_MS = 3600_000;

export interface RateLimitWait {
  /** When Release Deck asks GitHub again. */
  readonly until: Date;
  /** True when GitHub asked for longer than Release Deck waits. */
  readonly capped: boolean;
  /** What GitHub asked for, when capped and the moment can be named. */
  readonly askedUntil?: Date;
}

/**
 * The moment a `retry-after` header names: delay-seconds, or an HTTP-date (RFC 9110 §10.2.3; GitHub
 * sends seconds). Undefined when there is no header; a value that is neither means the default wait.
 */
export function retryAfterUntil(header: string | number | undefined, nowMs: number): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const text = String(header).trim();
  if (/^\d+$/.test(text)) {
    return nowMs + Number(text) * 1000;
  }
  const date = /^[A-Za-z]{3},/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(date)) {
    return Math.max(date, nowMs);
  }
  return nowMs + DEFAULT_RATE_LIMIT_WAIT_MS;
}

/** The moment an `x-ratelimit-reset` header names; a reset that is past, negative or not a number means the default wait. */
export function resetUntil(header: string | number | undefined, nowMs: number): number {
  const text = header === undefined ? '' : String(header).trim();
  const resetMs = /^\d+$/.test(text) ? Number(text) * 1000 : Number.NaN;
  return Number.isFinite(resetMs) && resetMs > nowMs ? resetMs : nowMs + DEFAULT_RATE_LIMIT_WAIT_MS;
}

/** The wait Release Deck keeps: what was asked, cut to an hour (keeping what was asked, to say so). */
export function cappedWait(untilMs: number, nowMs: number): RateLimitWait {
  const latest = nowMs + MAX_RATE_LIMIT_WAIT_MS;
  if (untilMs <= latest) {
    return { until: new Date(Math.max(untilMs, nowMs)), capped: false };
  }
  const asked = new Date(untilMs);
  return Number.isNaN(asked.getTime()) ? { until: new Date(latest), capped: true } : { until: new Date(latest), capped: true, askedUntil: asked };
}
