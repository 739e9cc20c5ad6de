import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { DEMO_TOKEN, MONOREPO, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/**
 * "Compare two commits" as GitHub documents it (docs.github.com/rest/commits/commits#compare-two-commits): the
 * commits in chronological order; without `per_page` or `page` at most 250, "the last commit in the list is the
 * most recent of the entire comparison"; with them, pages of that chronological list (the first page holds the
 * oldest commits), the changed files on the first page only, `total_commits` counting them all.
 */
describe('the simulator compares two commits as GitHub pages a long comparison', () => {
  let simulator: RunningSimulator;
  let base = '';
  const COUNT = 300;

  before(async () => {
    const world = openverseWorld();
    const repo = world.repos.find((candidate) => candidate.fullName === MONOREPO);
    assert.ok(repo);
    const head = repo.commits[repo.commits.length - 1];
    assert.ok(head);
    base = head.sha;
    for (let index = 1; index <= COUNT; index += 1) {
      const sha = createHash('sha1').update(`docs change ${index}`).digest('hex');
      repo.commits.push({ sha, message: `Docs change ${index}`, author: 'colleague', date: new Date(Date.parse(head.date) + index * 60_000).toISOString(), files: [{ filename: `documentation/page${index}.md` }] });
    }
    simulator = await startSimulator({ world });
  });
  after(async () => {
    await simulator.close();
  });

  const compare = async (query: string): Promise<{ body: { total_commits: number; commits: Array<{ commit: { message: string } }>; files?: unknown[] }; link: string | null }> => {
    const response = await fetch(`${simulator.url}/repos/${MONOREPO}/compare/${base}...main${query}`, { headers: { authorization: `token ${DEMO_TOKEN}` } });
    assert.equal(response.status, 200);
    return { body: (await response.json()) as never, link: response.headers.get('link') };
  };
  const messages = (body: { commits: Array<{ commit: { message: string } }> }): string[] => body.commits.map((commit) => commit.commit.message);

  it('without paging parameters: the newest 250, oldest first, the last the most recent; every file (up to 300)', async () => {
    const { body, link } = await compare('');
    assert.equal(body.total_commits, COUNT);
    assert.equal(body.commits.length, 250);
    assert.equal(messages(body)[0], 'Docs change 51');
    assert.equal(messages(body).at(-1), `Docs change ${COUNT}`);
    assert.equal(body.files?.length, 300);
    assert.equal(link, null);
  });

  it('paged: the first page holds the oldest commits; later pages carry no files; Link names the next', async () => {
    const first = await compare('?per_page=100');
    assert.deepEqual([messages(first.body)[0], messages(first.body).at(-1)], ['Docs change 1', 'Docs change 100']);
    assert.equal(first.body.files?.length, 300);
    assert.match(first.link ?? '', /[?&]page=2[^>]*>; rel="next"/);
    const third = await compare('?per_page=100&page=3');
    assert.deepEqual([messages(third.body)[0], messages(third.body).at(-1)], ['Docs change 201', `Docs change ${COUNT}`]);
    assert.equal(third.body.files, undefined);
    assert.equal(third.body.total_commits, COUNT);
  });
});
