import type { DeckState } from '../state/deckStore';
import type { Services } from '../services';

/** The longest an environment stays guarded after an action whose outcome could not be told. */
export const UNKNOWN_OUTCOME_HOLD_MS = 5 * 60_000;

/**
 * Keeps a claim after an action whose outcome could not be told (a dispatch, a re-run) until a refresh shows
 * what it did — `shown` returns the log line saying so; from then on the deck's own busy check refuses while
 * it runs — or UNKNOWN_OUTCOME_HOLD_MS at most (GitHub may never act on it: it may not have been applied).
 */
export function holdUntilShown(services: Services, release: () => void, shown: (state: DeckState) => string | undefined, expired: string): void {
  const settle = (): void => {
    clearTimeout(timer);
    listener.dispose();
    release();
  };
  const timer = setTimeout(() => {
    services.log.info(expired);
    settle();
  }, UNKNOWN_OUTCOME_HOLD_MS);
  const check = (state: DeckState): void => {
    const said = shown(state);
    if (said !== undefined) {
      services.log.info(said);
      settle();
    }
  };
  const listener = services.store.onDidChange(check);
  // The refresh at the action's end may already have shown it.
  check(services.store.state);
}
