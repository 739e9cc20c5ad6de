import * as vscode from 'vscode';
import { readSettings } from '../config';
import { Disposable } from '../disposable';
import type { DeckSnapshot } from '../domain/snapshot';
import { formatClock } from '../github/errors';
import type { Log } from '../log';
import { pollDelayMs } from './pollDelay';

const FAST_POLL_SECONDS = 5;

/** What the store says of itself each time the next poll is planned. */
export interface PollState {
  /** No refresh runs and someone is signed in: a poll could run. */
  readonly idle: boolean;
  readonly snapshot: DeckSnapshot | undefined;
  readonly rateLimitedUntil: Date | undefined;
}

/**
 * When the deck polls: only while the window has the focus and a person can see a view of the deck (or
 * something follows a deployment); every `releaseDeck.refresh.intervalSeconds`, faster while a deployment
 * runs, and not before GitHub's rate limit lifts. One poll is planned at a time; `poll` runs it.
 */
export class Polling extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly visible = new Set<string>();
  private watchers = 0;

  constructor(
    private readonly state: () => PollState,
    private readonly poll: () => void,
    private readonly log: Log,
  ) {
    super();
    this.register({
      dispose: () => {
        clearTimeout(this.timer);
      },
    });
    this.register(
      vscode.window.onDidChangeWindowState(() => {
        this.schedule();
      }),
    );
  }

  /** Views report whether a person can see them; polling runs only while one can. */
  setVisible(viewer: string, visible: boolean): void {
    if (visible) {
      this.visible.add(viewer);
    } else {
      this.visible.delete(viewer);
    }
    this.schedule();
  }

  /** While something follows a deployment, the deck polls faster. Returns the way to stop. */
  watchClosely(): vscode.Disposable {
    this.watchers += 1;
    this.schedule();
    return new vscode.Disposable(() => {
      this.watchers -= 1;
      this.schedule();
    });
  }

  /** Plans the next poll afresh (the one planned before, if any, is dropped). */
  schedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.isDisposed) {
      return;
    }
    const state = this.state();
    if (!state.idle) {
      return;
    }
    const seconds = readSettings().refreshSeconds;
    const fast = this.watchers > 0 || deploying(state.snapshot);
    if ((seconds === 0 && !fast) || !vscode.window.state.focused || (this.visible.size === 0 && this.watchers === 0)) {
      return;
    }
    const intervalMs = (fast ? Math.min(FAST_POLL_SECONDS, seconds || FAST_POLL_SECONDS) : seconds) * 1000;
    const limitedUntil = state.rateLimitedUntil;
    if (limitedUntil !== undefined) {
      this.log.info(`Polling pauses until GitHub's rate limit lifts at ${formatClock(limitedUntil)}.`);
    }
    const delayMs = pollDelayMs(intervalMs, limitedUntil, Date.now());
    this.timer = setTimeout(() => {
      this.poll();
    }, delayMs);
  }
}

function deploying(snapshot: DeckSnapshot | undefined): boolean {
  return snapshot?.apps.some((app) => app.environments.some((environment) => environment.state === 'deploying')) === true;
}
