import { clampTimerMs } from '../timers';

/**
 * How long the deck waits before its next poll: the polling interval, or longer while GitHub's rate
 * limit holds (until a second after it lifts). Never a delay a timer cannot hold, which would fire at
 * once and poll in a loop.
 */
export function pollDelayMs(intervalMs: number, rateLimitedUntil: Date | undefined, nowMs: number): number {
  const liftsInMs = rateLimitedUntil !== undefined ? rateLimitedUntil.getTime() - nowMs + 1000 : Number.NaN;
  return clampTimerMs(Number.isNaN(liftsInMs) ? intervalMs : Math.max(intervalMs, liftsInMs));
}
