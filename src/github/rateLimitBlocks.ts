import { gitHubErrorFor, type ErrorContext, type GitHubError } from './errors';
import type { RateLimitWait } from './rateLimit';

/** A rate limit in force: until when, and what GitHub answered. */
export interface Block {
  readonly wait: RateLimitWait;
  readonly status: number;
}

/**
 * The rate limits a client met: the primary limit (x-ratelimit-remaining: 0) and a secondary one
 * (retry-after), kept apart, so the end of a secondary limit's wait does not lift a primary one.
 */
export class RateLimitBlocks {
  private primaryBlock: Block | undefined;
  private secondaryBlock: Block | undefined;

  constructor(private readonly now: () => number) {}

  /** Throws the rate-limit error of the limit in force, if any. */
  throwIfBlocked(context: ErrorContext): void {
    const block = this.active();
    if (block !== undefined) {
      throw rateLimitedError(context, block, '');
    }
  }

  /** The rate limit in force that lifts last, if any. */
  active(): Block | undefined {
    const now = this.now();
    let latest: Block | undefined;
    for (const block of [this.primaryBlock, this.secondaryBlock]) {
      if (block !== undefined && now < block.wait.until.getTime() && (latest === undefined || block.wait.until > latest.wait.until)) {
        latest = block;
      }
    }
    return latest;
  }

  /** Records a limit of one kind; of two of the same kind, the one that lifts later holds. Returns the one that holds. */
  block(kind: 'primary' | 'secondary', block: Block): Block {
    const current = kind === 'primary' ? this.primaryBlock : this.secondaryBlock;
    if (current !== undefined && current.wait.until >= block.wait.until && this.now() < current.wait.until.getTime()) {
      return current;
    }
    if (kind === 'primary') {
      this.primaryBlock = block;
    } else {
      this.secondaryBlock = block;
    }
    return block;
  }

  /** The wait this secondary limit asked for is over; a primary limit, if any, still holds. */
  waited(block: Block): void {
    if (this.secondaryBlock === block) {
      this.secondaryBlock = undefined;
    }
  }
}

export function rateLimitedError(context: ErrorContext, block: Block, githubMessage: string): GitHubError {
  const { wait, status } = block;
  return gitHubErrorFor('rateLimited', context, {
    status,
    githubMessage,
    retryAt: wait.until,
    ...(wait.capped ? { waitCapped: wait.askedUntil !== undefined ? { askedUntil: wait.askedUntil } : {} } : {}),
  });
}
