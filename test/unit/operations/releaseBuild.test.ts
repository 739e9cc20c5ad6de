import { strict as assert } from 'node:assert';
import { simulatedProfile } from '../github/process.test';
import { releaseBuild } from '../../../src/operations/releaseBuild';
import { openverseWorld } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';
import { ENGLISH } from '../../../src/github/errors';

describe('the build a release is expected to run', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
  });

  it('without a registry, the build is inferred from the app\'s folders and said to be inferred, never stated as fact', async () => {
    const world = openverseWorld();
    harness = await startHarness({ world });
    const profile = simulatedProfile(harness.simulator);
    const app = profile.apps.find((candidate) => candidate.id === 'api');
    assert.ok(app);
    const monorepo = world.repos[0];
    const tag = monorepo?.tags.filter((candidate) => candidate.name.startsWith('api-')).sort((a, b) => b.name.localeCompare(a.name))[0];
    assert.ok(tag);
    const expected = await releaseBuild(harness.client, profile.monorepo, app, tag.sha, `rel-${tag.name.slice('api-'.length)}`);
    assert.match(expected.sha, /^[0-9a-f]{40}$/);
    assert.match(expected.unsure ?? '', /inferred/);
    assert.match(expected.unsure ?? '', /latest/);
    assert.match(expected.unsure ?? '', /registry/);
  });

  it('a release tagged while CI still built the app\'s last commit may be an older build, and says why', async () => {
    harness = await startHarness();
    const profile = simulatedProfile(harness.simulator);
    const app = profile.apps.find((candidate) => candidate.id === 'frontend');
    assert.ok(app);
    const admin = (path: string, body: unknown): Promise<Response> => fetch(`${harness!.simulator.url}/_admin/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const before = harness.simulator.world.repos[0]?.commits.filter((commit) => (commit.files ?? []).some((file) => file.filename.startsWith('frontend/'))).at(-1)?.sha;
    const pushed = (await (await admin('push', { message: 'Faster search page (#5200)', files: ['frontend/src/pages/search.vue'] })).json()) as { sha: string };
    await admin('clock', { advanceSeconds: 20 });
    // The release run starts now: CI's image build for the pushed commit is still running (openverse-facts §1.4: publish-images).
    const tagged = harness.simulator.now().toISOString();
    const lagging = await releaseBuild(harness.client, profile.monorepo, app, pushed.sha, 'rel-2026.11.26.12.00.00', tagged);
    assert.equal(lagging.sha, pushed.sha, 'the last commit that changed the frontend');
    assert.equal(lagging.maybeOlder?.shas[0], before, 'or the frontend\'s commit before it');
    assert.match(lagging.maybeOlder?.why ?? '', /^when rel-2026\.11\.26\.12\.00\.00 was tagged, the push of commit [0-9a-f]{7} had not finished building \(ci_cd\.yml in progress\), so `latest` may still have been an older build of Frontend$/);

    await admin('clock', { advanceSeconds: 120 });
    const built = await releaseBuild(harness.client, profile.monorepo, app, pushed.sha, 'rel-2026.11.26.12.02.00', harness.simulator.now().toISOString());
    assert.deepEqual([built.sha, built.maybeOlder], [pushed.sha, undefined], 'once CI built it before the release run started, the last commit is the build');
  });

  it('says what it inferred, and why a build may be older or is not known, in the person\'s language (German)', async () => {
    harness = await startHarness();
    const profile = simulatedProfile(harness.simulator);
    const app = profile.apps.find((candidate) => candidate.id === 'frontend');
    assert.ok(app);
    const admin = (path: string, body: unknown): Promise<Response> => fetch(`${harness!.simulator.url}/_admin/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const pushed = (await (await admin('push', { message: 'Faster search page (#5200)', files: ['frontend/src/pages/search.vue'] })).json()) as { sha: string };
    await admin('clock', { advanceSeconds: 20 });
    const lagging = await releaseBuild(harness.client, profile.monorepo, app, pushed.sha, 'rel-2026.11.26.12.00.00', harness.simulator.now().toISOString(), GERMAN);
    assert.match(lagging.unsure ?? '', /^abgeleitet: der letzte Commit bis zu dem des Git-Tags, der frontend\/? geändert hat; rel-2026\.11\.26\.12\.00\.00 ist das Image, das beim Taggen/);
    assert.match(lagging.maybeOlder?.why ?? '', /^als rel-2026\.11\.26\.12\.00\.00 getaggt wurde, der Push von Commit [0-9a-f]{7} war noch nicht fertig gebaut \(ci_cd\.yml in Arbeit\), daher war `latest` womöglich noch ein älterer Build von Frontend$/);

    const unnamed = await releaseBuild(harness.client, profile.monorepo, { ...app, sourceFolders: [], buildPaths: [] }, pushed.sha, 'rel-2026.11.26.12.00.00', undefined, GERMAN);
    assert.deepEqual([unnamed.notKnown, unnamed.unsure], ['das Profil nennt keine Quellordner für Frontend', 'das Profil nennt keine Quellordner für Frontend, daher wird der Commit des Git-Tags erwartet']);
    assert.equal(unnamed.unsureSaid?.(ENGLISH), "the profile names no source folders for Frontend, so the git tag's commit is expected", 'in English too, for the log');
    assert.match(lagging.unsureSaid?.(ENGLISH) ?? '', /^inferred: the last commit up to the git tag's that changed frontend\/?;/);
  });
});
