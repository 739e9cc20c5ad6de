import type { GitHubClient } from './client';
import { PerClient } from './perClient';

/**
 * Answers that never change (what a commit SHA names: its files, its history), kept per client so asking
 * again sends nothing; at most `limit` per client, the oldest dropped first; a failed answer is not kept.
 */
export class ImmutableAnswers<T> {
  private readonly memos = new PerClient<Promise<T>>();

  constructor(private readonly limit: number) {}

  get(client: GitHubClient, key: string, ask: () => Promise<T>): Promise<T> {
    const memo = this.memos.of(client);
    const known = memo.get(key);
    if (known !== undefined) {
      return known;
    }
    const asked = ask();
    memo.set(key, asked);
    if (memo.size > this.limit) {
      const oldest = memo.keys().next().value;
      if (oldest !== undefined) {
        memo.delete(oldest);
      }
    }
    // The next refresh asks again.
    asked.catch(() => memo.delete(key));
    return asked;
  }
}
