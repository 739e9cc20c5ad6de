import type { GitHubClient } from './client';

/**
 * Answers that never change (what a commit SHA names: its files, its history), kept per client so asking
 * again sends nothing; at most `limit` per client, the oldest dropped first; a failed answer is not kept.
 */
export class ImmutableAnswers<T> {
  private readonly memos = new WeakMap<GitHubClient, Map<string, Promise<T>>>();

  constructor(private readonly limit: number) {}

  get(client: GitHubClient, key: string, ask: () => Promise<T>): Promise<T> {
    let memo = this.memos.get(client);
    if (memo === undefined) {
      memo = new Map();
      this.memos.set(client, memo);
    }
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
