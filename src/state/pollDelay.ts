/**
 * How long the deck waits before its next poll: the polling interval, or longer while GitHub's rate
 * limit holds (until a second after it lifts).
 */
export function pollDelayMs(intervalMs: number, rateLimitedUntil: Date | undefined, nowMs: number): number {
  if (rateLimitedUntil === undefined) {
    return intervalMs;
  }
  return Math.max(intervalMs, rateLimitedUntil.getTime() - nowMs + 1000);
}
