import type { GitHubClient } from '../github/client';
import type { ListingPages } from '../github/listingPages';
import { PerClient } from '../github/perClient';

/**
 * A listing read in several pages of 100 (deployment runs, releases: more pages for more apps) costs, once
 * read, only its first page per refresh: while the first page is unchanged (a 304, free) nothing new was
 * created, and the later pages are taken as read before, provided none of their items could still change
 * (`settled`: a completed run, a published release; a run in progress or a draft on a later page makes them
 * read again). When the first page changed, the later ones are read again (one more round trip). What this
 * does not see until the first page changes: an old settled item edited or deleted in place (a re-run of an
 * old completed run, an edited old release's notes).
 */

const memos = new PerClient<readonly unknown[]>();

export interface PagedListing<T> {
  /** Names the listing (repository, filter), per client. */
  readonly key: string;
  readonly pages: number;
  readonly read: (firstPage: number, pages: number) => Promise<ListingPages<T>>;
  readonly settled: (item: T) => boolean;
}

export async function readPagedListing<T>(client: GitHubClient, listing: PagedListing<T>): Promise<T[]> {
  const kept = memos.of(client);
  const key = `${listing.key} ${listing.pages}`;
  const remember = (tail: readonly T[]): void => {
    if (tail.every(listing.settled)) {
      kept.set(key, tail);
    } else {
      kept.delete(key);
    }
  };
  const tail = kept.get(key) as readonly T[] | undefined;
  if (listing.pages > 1 && tail !== undefined) {
    const head = await listing.read(1, 1);
    const first = head.pages[0] ?? [];
    if (head.firstUnchanged) {
      return [...first, ...tail];
    }
    const rest = head.more ? (await listing.read(2, listing.pages - 1)).pages.flat() : [];
    remember(rest);
    return [...first, ...rest];
  }
  const all = await listing.read(1, listing.pages);
  remember(all.pages.slice(1).flat());
  return all.pages.flat();
}
