import { strict as assert } from 'node:assert';
import { pollDelayMs } from '../../../src/state/pollDelay';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Polls as the deck store does: each poll re-arms a timer with pollDelayMs. Returns how many polls ran. */
async function pollsWithin(windowMs: number, rateLimitedUntil: Date | undefined, intervalMs = 30_000): Promise<number> {
  let polls = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    timer = setTimeout(() => {
      polls += 1;
      arm();
    }, pollDelayMs(intervalMs, rateLimitedUntil, Date.now()));
  };
  arm();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  clearTimeout(timer);
  return polls;
}

describe('the deck\'s polling delay', () => {
  it('does not spin when the rate limit lifts decades away (a timer over 2^31-1 ms fires at once)', async () => {
    const polls = await pollsWithin(300, new Date('2090-01-01T00:00:00Z'));
    assert.equal(polls, 0, `${polls} polls in 300 ms`);
    const delay = pollDelayMs(30_000, new Date('2090-01-01T00:00:00Z'), Date.now());
    assert.ok(delay > 30_000 && delay <= MAX_TIMER_MS, `delay ${delay} ms`);
  });

  it('does not spin on an invalid date', async () => {
    assert.equal(await pollsWithin(200, new Date(Number.NaN)), 0);
    assert.equal(pollDelayMs(30_000, new Date(Number.NaN), Date.now()), 30_000);
  });

  it('waits the interval, or until a second after the rate limit lifts', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    assert.equal(pollDelayMs(30_000, undefined, now), 30_000);
    assert.equal(pollDelayMs(30_000, new Date(now + 10_000), now), 30_000);
    assert.equal(pollDelayMs(30_000, new Date(now + 600_000), now), 601_000);
    assert.equal(pollDelayMs(30_000, new Date(now - 600_000), now), 30_000);
  });
});
