/**
 * Node and browsers keep a timer's delay in a signed 32-bit integer: a longer delay (or NaN, or a
 * negative one) fires after 1 ms. Every delay computed from outside data goes through clampTimerMs.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay setTimeout keeps as given: NaN and negatives become 0, anything over ~24.8 days is cut to it. */
export function clampTimerMs(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) {
    return 0;
  }
  return Math.min(ms, MAX_TIMER_MS);
}

/** Resolves after `ms` (clamped). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, clampTimerMs(ms)));
}
