import { strict as assert } from 'node:assert';
import type { GitHubClient } from '../../../src/github/client';
import type { ListingPages } from '../../../src/github/listingPages';
import { readPagedListing } from '../../../src/state/pagedListing';

interface Item {
  readonly id: number;
  readonly done: boolean;
}

/** A listing of three pages whose answers the test changes; records which pages were asked. */
function fakeListing(pages: Item[][]): { asked: number[][]; firstChanged: { value: boolean }; read: (first: number, count: number) => Promise<ListingPages<Item>> } {
  const asked: number[][] = [];
  const firstChanged = { value: true };
  return {
    asked,
    firstChanged,
    read: (first, count) => {
      const numbers = Array.from({ length: count }, (_, index) => first + index).filter((page) => page <= pages.length);
      asked.push(numbers);
      const unchanged = first === 1 && !firstChanged.value;
      firstChanged.value = false;
      return Promise.resolve({ pages: numbers.map((page) => pages[page - 1] ?? []), firstUnchanged: unchanged, more: first + count - 1 < pages.length });
    },
  };
}

describe('a listing of several pages, read again only from its first page while nothing changed', () => {
  const client = (): GitHubClient => ({}) as GitHubClient;
  const page = (from: number, done = true): Item[] => [{ id: from, done }, { id: from + 1, done }];

  it('reads every page the first time, then only the first page while it is unchanged', async () => {
    const fake = fakeListing([page(1), page(3), page(5)]);
    const listing = { key: 'runs', pages: 3, read: fake.read, settled: (item: Item) => item.done };
    const owner = client();
    assert.deepEqual((await readPagedListing(owner, listing)).map((item) => item.id), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual((await readPagedListing(owner, listing)).map((item) => item.id), [1, 2, 3, 4, 5, 6], 'the later pages as read before');
    assert.deepEqual(fake.asked, [[1, 2, 3], [1]]);
  });

  it('reads the later pages again when the first page changed', async () => {
    const fake = fakeListing([page(1), page(3), page(5)]);
    const listing = { key: 'runs', pages: 3, read: fake.read, settled: (item: Item) => item.done };
    const owner = client();
    await readPagedListing(owner, listing);
    fake.firstChanged.value = true;
    await readPagedListing(owner, listing);
    assert.deepEqual(fake.asked, [[1, 2, 3], [1], [2, 3]]);
  });

  it('keeps nothing when a later page holds an item that may still change (a run in progress, a draft)', async () => {
    const fake = fakeListing([page(1), page(3, false), page(5)]);
    const listing = { key: 'runs', pages: 3, read: fake.read, settled: (item: Item) => item.done };
    const owner = client();
    await readPagedListing(owner, listing);
    await readPagedListing(owner, listing);
    assert.deepEqual(fake.asked, [[1, 2, 3], [1, 2, 3]]);
  });
});
