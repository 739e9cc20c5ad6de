import type { GitHubClient } from './client';

/**
 * What is kept of a GitHub client's answers, by key, for as long as that client lives (one client per
 * endpoint and credential, state/gitHubClients.ts: another host or token starts with nothing kept).
 */
export class PerClient<V> {
  private readonly memos = new WeakMap<GitHubClient, Map<string, V>>();

  /** The client's map, made on first use. */
  of(client: GitHubClient): Map<string, V> {
    let memo = this.memos.get(client);
    if (memo === undefined) {
      memo = new Map();
      this.memos.set(client, memo);
    }
    return memo;
  }
}
