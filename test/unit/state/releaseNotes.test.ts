import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { AppDeck } from '../../../src/domain/snapshot';
import type { Profile } from '../../../src/domain/profileTypes';
import { validateProfile } from '../../../src/domain/profileValidation';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { loadReleaseNotes } from '../../../src/state/releaseNotes';
import { MONOREPO } from '../../simulator/openverseWorld';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import { addFault, startHarness, type Harness } from '../github/helpers';

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
