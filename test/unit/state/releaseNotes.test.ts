import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { AppDeck } from '../../../src/domain/snapshot';
import type { Profile } from '../../../src/domain/profileTypes';
import { validateProfile } from '../../../src/domain/profileValidation';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { loadReleaseNotes } from '../../../src/state/releaseNotes';
import { createHash } from 'node:crypto';
import { MONOREPO, openverseWorld } from '../../simulator/openverseWorld';
import type { World } from '../../simulator/world';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

/** The release notes panel's data for the frontend draft, read from the simulated Openverse world. */
describe('release notes: the commits a draft will ship', () => {
  let harness: Harness;

  async function frontend(change: (document: ReturnType<typeof simulatedProfileDocument>) => void = () => undefined): Promise<{ profile: Profile; app: AppDeck }> {
    const document = simulatedProfileDocument(harness.simulator.url);
    change(document);
    const validation = validateProfile(document);
    assert.ok(validation.ok, JSON.stringify(validation.ok ? [] : validation.problems));
    const profile = validation.profile;
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const app = snapshot.apps.find((candidate) => candidate.app.id === 'frontend');
    assert.ok(app);
    return { profile, app };
  }

  function changes(sha: string, folder: string): boolean {
    const commit = harness.simulator.world.repos.find((repo) => repo.fullName === MONOREPO)?.commits.find((candidate) => candidate.sha === sha);
    return commit?.files?.some((file) => file.filename.startsWith(folder)) === true;
  }

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('lists only the commits that change the app\'s source folders, and counts the others', async () => {
    const { profile, app } = await frontend();
    const view = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com');
    assert.ok(view.commits.length > 0);
    assert.ok(view.commits.every((commit) => changes(commit.sha, 'frontend/')), 'every listed commit changes frontend/');
    const counts = /^(\d+) of the (\d+) commits of the monorepo since .* change frontend\/; the other (\d+) commits only touch other parts of the monorepo\.$/.exec(view.compareNote);
    assert.ok(counts, view.compareNote);
    assert.equal(Number(counts[1]), view.commits.length);
    assert.equal(Number(counts[1]) + Number(counts[3]), Number(counts[2]));
  });

  it('lists every app\'s commits, and says why, when the profile names no source folders', async () => {
    const { profile, app } = await frontend((document) => {
      for (const candidate of document.apps) {
        if (candidate.id === 'frontend') {
          candidate.sourceFolders = [];
        }
      }
    });
    const view = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com');
    assert.ok(view.commits.some((commit) => !changes(commit.sha, 'frontend/')), 'other apps\' commits are listed too');
    assert.match(view.compareNote, /^\d+ commits of the monorepo since .*, every app's: the profile names no source folders for Frontend\.$/);
  });

  it('falls back to every app\'s commits, saying what failed, when GitHub cannot list the app\'s', async () => {
    const { profile, app } = await frontend();
    await addFault(harness.simulator, { path: '/commits$', kind: 'status', status: 404, count: 5 });
    const view = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com');
    assert.ok(view.commits.length > 0, 'the comparison is still listed');
    assert.match(view.compareNote, /every app's: which of them change frontend\/ could not be found out \(.+\)\.$/);
  });

  it('says in German what failed when GitHub cannot list the app\'s commits', async () => {
    const { profile, app } = await frontend();
    await addFault(harness.simulator, { path: '/commits$', kind: 'status', status: 404, count: 5 });
    const view = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com', GERMAN);
    assert.match(view.compareNote, /\(GitHub antwortete 404 Not Found beim Versuch, die Commits von .* aufzulisten, die frontend ändern .*: Es existiert nicht/);
    assert.doesNotMatch(view.compareNote, /while trying to/);
  });

  it('lists the newest of the commits when more than a hundred separate production from the draft', async () => {
    // GitHub's compare answer, paged, starts with the OLDEST commits (chronological order); unpaged, it holds the
    // newest 250 (docs.github.com/rest/commits/commits#compare-two-commits).
    await harness.simulator.close();
    harness = await startHarness({ world: withFrontendCommits(openverseWorld(), 120) });
    const { profile, app } = await frontend();
    const view = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com');
    assert.equal(view.commits[0]?.title, 'Frontend change 120', 'the newest commit comes first');
    assert.ok(view.commits.some((commit) => commit.title === 'Frontend change 21'), 'the hundredth newest is listed');
    // The frontend's history is read one page (100) deep: what the 39 older commits change is not known, and said so.
    assert.match(view.compareNote, /^100 of the newest 100 of the 139 commits of the monorepo since .* change frontend\/\. The older 39 commits are not counted: .*\.$/);
  });

  it('shows GitHub\'s links only when they are on the web host in use', async () => {
    const { profile, app } = await frontend();
    const onGitHub = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://github.com');
    assert.match(onGitHub.htmlUrl, /^https:\/\/github\.com\//);
    assert.match(onGitHub.compareUrl ?? '', /^https:\/\/github\.com\/.*\/compare\//);
    assert.ok(onGitHub.commits.every((commit) => commit.url.startsWith('https://github.com/')));
    // The same answers while the web host in use is a GitHub Enterprise server: none of them is its.
    const elsewhere = await loadReleaseNotes(harness.client, profile, app, undefined, false, 'https://ghe.example.com');
    assert.equal(elsewhere.htmlUrl, '');
    assert.equal(elsewhere.compareUrl, undefined);
    assert.ok(elsewhere.commits.length > 0 && elsewhere.commits.every((commit) => commit.url === ''));
  });
});

/** The world with `count` more commits on main, each changing the frontend, the newest last. */
function withFrontendCommits(world: World, count: number): World {
  const repo = world.repos.find((candidate) => candidate.fullName === MONOREPO);
  assert.ok(repo);
  const commits = repo.commits;
  const start = Date.parse(commits[commits.length - 1]?.date ?? '');
  for (let index = 1; index <= count; index += 1) {
    const sha = createHash('sha1').update(`frontend change ${index}`).digest('hex');
    commits.push({ sha, message: `Frontend change ${index}`, author: 'colleague', date: new Date(start + index * 60_000).toISOString(), files: [{ filename: `frontend/src/change${index}.vue` }] });
  }
  return world;
}
