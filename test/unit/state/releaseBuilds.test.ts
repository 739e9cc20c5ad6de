import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { Profile } from '../../../src/domain/profileTypes';
import { validateProfile } from '../../../src/domain/profileValidation';
import { findEnvironment } from '../../../src/domain/snapshot';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { loadReleaseNotes } from '../../../src/state/releaseNotes';
import { ACME_APPS, ACME_TOKEN, acmeProfileDocument, acmeSha, acmeWorld } from '../../simulator/acmeWorld';
import { NO_WORKFLOW_SCOPE_TOKEN, openverseWorld } from '../../simulator/openverseWorld';
import type { RunningSimulator } from '../../simulator/server';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import type { World } from '../../simulator/world';
import { startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

/** The simulated Openverse profile with the API naming its container package. */
function profileWithRegistry(simulator: RunningSimulator): Profile {
  const document = simulatedProfileDocument(simulator.url);
  const validation = validateProfile({ ...document, apps: document.apps.map((app) => (app.id === 'api' ? { ...app, registry: { org: 'WordPress', package: 'openverse-api' } } : app)) });
  assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
  return validation.profile;
}

/**
 * The API's newest release whose image was built from an older API commit than the last one up to its git
 * tag (a build re-tagged by hand, say): only the registry can tell; production runs that image.
 */
function worldWithRetaggedBuild(): { world: World; imageTag: string; build: string } {
  const world = openverseWorld();
  const monorepo = world.repos[0];
  assert.ok(monorepo);
  const newest = [...monorepo.tags].filter((tag) => tag.name.startsWith('api-')).sort((a, b) => b.name.localeCompare(a.name))[0];
  assert.ok(newest);
  const tagIndex = monorepo.commits.findIndex((commit) => commit.sha === newest.sha);
  const older = monorepo.commits.slice(0, tagIndex).reverse().find((commit) => (commit.files ?? []).some((file) => file.filename.startsWith('api/')));
  assert.ok(older);
  const imageTag = `rel-${newest.name.slice('api-'.length)}`;
  (world.images.api ??= {})[imageTag] = older.sha;
  const production = world.environments.find((environment) => environment.app === 'api' && environment.environment === 'production');
  assert.ok(production);
  production.release = older.sha;
  return { world, imageTag, build: older.sha };
}

describe('release builds from the container registry', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
  });

  it('names the exact build of each release when the profile names the package: production runs the build of the newest release', async () => {
    const { world, imageTag, build } = worldWithRetaggedBuild();
    harness = await startHarness({ world });
    const profile = profileWithRegistry(harness.simulator);
    const facts = await gatherFacts(harness.client, profile);
    const registry = facts.registries?.api;
    assert.equal(registry?.kind, 'read');
    assert.equal(registry.kind === 'read' ? registry.builds[imageTag] : undefined, build);
    const snapshot = buildDeck(profile, facts);
    const production = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(production?.state, 'inSync', production?.stateDetail);
    assert.equal(production.running?.imageTag, imageTag);
    assert.equal(production.running?.release?.buildFrom, 'registry');
    assert.equal(production.stateDetail, `Runs the build of ${imageTag} (commit ${build.slice(0, 7)}), the newest published release.`);
    assert.equal(snapshot.apps.find((app) => app.app.id === 'api')?.buildNote, undefined);
  });

  it('the release notes of a published release show its exact build from the registry beside the git tag\'s commit', async () => {
    const { world, imageTag, build } = worldWithRetaggedBuild();
    harness = await startHarness({ world });
    const profile = profileWithRegistry(harness.simulator);
    const api = buildDeck(profile, await gatherFacts(harness.client, profile)).apps.find((app) => app.app.id === 'api');
    const release = api?.releases.find((candidate) => candidate.imageTag === imageTag);
    assert.ok(api && release?.commitSha !== undefined);
    const view = await loadReleaseNotes(harness.client, profile, api, release.id, false, 'https://github.com');
    assert.equal(view.target, release.commitSha);
    assert.notEqual(build, release.commitSha);
    assert.equal(view.build, `${build.slice(0, 7)} (from the registry)`);
    const draft = await loadReleaseNotes(harness.client, profile, api, undefined, false, 'https://github.com');
    assert.equal(draft.draft, true);
    assert.equal(draft.build, undefined, 'a draft has no build yet');
  });

  it('without read:packages: infers the builds instead, and says why (no failed refresh)', async () => {
    const { world } = worldWithRetaggedBuild();
    harness = await startHarness({ world, client: { token: NO_WORKFLOW_SCOPE_TOKEN } });
    const profile = profileWithRegistry(harness.simulator);
    const facts = await gatherFacts(harness.client, profile);
    const registry = facts.registries?.api;
    assert.equal(registry?.kind, 'unavailable');
    assert.match(registry.kind === 'unavailable' ? registry.reason : '', /403.*read:packages/);
    const snapshot = buildDeck(profile, facts);
    const api = snapshot.apps.find((app) => app.app.id === 'api');
    assert.match(api?.buildNote ?? '', /^The container package WordPress\/openverse-api could not be read \(.*\), so which commit each release of API was built from is inferred from the commits that change its source folders\.$/);
    // Inferred, the re-tagged build is an older API commit than the release's, which production's last deployment ran:
    // whether it is that release's build cannot be told from the commits (never "behind").
    const production = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(production?.state, 'unknown', production?.stateDetail);
    assert.match(production?.stateDetail ?? '', /which one cannot be told from the commits/);
  });

  it('without read:packages, in German: the deck says why in German, the copy for the log stays English', async () => {
    const { world } = worldWithRetaggedBuild();
    harness = await startHarness({ world, client: { token: NO_WORKFLOW_SCOPE_TOKEN } });
    const profile = profileWithRegistry(harness.simulator);
    const facts = await gatherFacts(harness.client, profile, { language: GERMAN });
    const registry = facts.registries?.api;
    assert.equal(registry?.kind, 'unavailable');
    assert.match(registry.kind === 'unavailable' ? registry.logged ?? '' : '', /^GitHub answered 403 Forbidden while trying to /);
    const api = buildDeck(profile, facts, GERMAN.l10n, GERMAN.locale).apps.find((app) => app.app.id === 'api');
    assert.match(api?.buildNote ?? '', /^Das Container-Paket WordPress\/openverse-api konnte nicht gelesen werden \(GitHub antwortete 403 Forbidden beim Versuch, /);
    assert.doesNotMatch(api?.buildNote ?? '', /while trying to/);
  });

  it('reads the build of a semantic-version app\'s image tag ({version}) from its package too', async () => {
    const shop = acmeWorld();
    // The shop's token may read packages; web@1.4.2's image (tag 1.4.2) was built from the commit before the tag.
    const world: World = { ...shop, tokens: shop.tokens.map((token) => ({ ...token, scopes: [...(token.scopes ?? []), 'read:packages'] })) };
    const build = acmeSha('c3');
    (world.images[ACME_APPS.web] ??= {})['1.4.2'] = build;
    const production = world.environments.find((environment) => environment.app === ACME_APPS.web && environment.environment === 'production');
    assert.ok(production);
    production.release = build;
    harness = await startHarness({ world, client: { token: ACME_TOKEN } });
    const document = acmeProfileDocument(harness.simulator.url);
    const validation = validateProfile({ ...document, apps: (document.apps as Array<Record<string, unknown>>).map((app) => (app.id === 'web' ? { ...app, registry: { org: 'acme', package: 'shop-web' } } : app)) });
    assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
    const facts = await gatherFacts(harness.client, validation.profile);
    const registry = facts.registries?.web;
    assert.equal(registry?.kind === 'read' ? registry.builds['1.4.2'] : registry, build);
    const web = findEnvironment(buildDeck(validation.profile, facts), 'web', 'production')?.environment;
    assert.equal(web?.running?.imageTag, '1.4.2', web?.stateDetail);
    assert.equal(web.running?.release?.buildFrom, 'registry');
  });
});
