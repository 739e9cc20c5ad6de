import { strict as assert } from 'node:assert';
import { openverseProfile } from '../../../src/domain/openverse';
import type { EnvironmentProfile, Profile } from '../../../src/domain/profileTypes';
import { environmentKey, InFlight, publishKey, reviewKey, runKey } from '../../../src/operations/inFlight';

/** An environment of a profile, by app and environment id. */
function environmentOf(profile: Profile, appId: string, environmentId: string): EnvironmentProfile {
  const environment = profile.apps.find((app) => app.id === appId)?.environments.find((candidate) => candidate.id === environmentId);
  assert.ok(environment, `${appId} ${environmentId}`);
  return environment;
}

/** What a deployment of an app's environment claims, from a folder's profile. */
const deployment = (profile: Profile, appId: string, environmentId: string): string => environmentKey(profile.monorepo, appId, environmentOf(profile, appId, environmentId));

/** A made-up second monorepo with an app of the same id, deployed by its own workflows. */
function shopProfile(): Profile {
  const openverse = openverseProfile();
  return {
    ...openverse,
    monorepo: 'acme/shop',
    apps: openverse.apps.map((app) => ({ ...app, environments: app.environments.map((environment) => (environment.deploy.kind === 'workflow' ? { ...environment, deploy: { ...environment.deploy, repo: 'acme/platform' } } : environment)) })),
  };
}

describe('one operation at a time, in the whole window', () => {
  const openverse = { key: 'file:///work/openverse', name: 'openverse' };
  const copy = { key: 'file:///work/openverse-review', name: 'openverse-review' };

  it('two folders that are checkouts of the same repository cannot each deploy the same environment at once: the second is told which folder acts', () => {
    const window = new InFlight<{ what: string }>();
    const first = window.inFolder(openverse).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'deploying API production' });
    assert.ok(first.ok);
    assert.deepEqual(window.inFolder(copy).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'rolling back API production' }), { ok: false, running: { what: 'deploying API production' }, heldIn: 'openverse' });
    // The same folder is not named: the person acts from it.
    assert.deepEqual(window.inFolder(openverse).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'again' }), { ok: false, running: { what: 'deploying API production' } });
    // Nor are two folders of the same name told apart by their name alone.
    assert.equal((window.inFolder({ key: 'file:///elsewhere/openverse', name: 'openverse' }).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'x' }) as { heldIn?: string }).heldIn, 'openverse');
    first.release();
    assert.ok(window.inFolder(copy).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'rolling back API production' }).ok);
  });

  it('a publish from one checkout and a second publish, or a deployment of the production it deploys, from another exclude each other', () => {
    const window = new InFlight<string>();
    const profile = openverseProfile();
    const publish = window.inFolder(openverse).claimAll([publishKey(profile.monorepo, 'api'), deployment(profile, 'api', 'production')], 'publishing api-2026.11.25.18.00.00');
    assert.ok(publish.ok);
    assert.equal(window.inFolder(copy).claim(publishKey('WordPress/Openverse', 'api'), 'publishing').ok, false, 'GitHub names are case-insensitive');
    assert.equal(window.inFolder(copy).claim(deployment(profile, 'api', 'production'), 'deploying').ok, false);
    assert.ok(window.inFolder(copy).claim(deployment(profile, 'api', 'staging'), 'deploying staging').ok, 'another environment is another workflow');
  });

  it('folders of different repositories never block each other, though their apps share an id', () => {
    const window = new InFlight<{ what: string }>();
    assert.ok(window.inFolder(openverse).claim(deployment(openverseProfile(), 'api', 'production'), { what: 'deploying Openverse API' }).ok);
    assert.ok(window.inFolder({ key: 'file:///work/shop', name: 'shop' }).claim(deployment(shopProfile(), 'api', 'production'), { what: 'deploying the shop API' }).ok, 'another repository\'s workflow');
    assert.ok(window.claim(publishKey('acme/shop', 'api'), { what: 'publishing' }).ok);
    assert.equal(window.get(publishKey('WordPress/openverse', 'api')), undefined);
  });

  it('a run is the same run whatever folder acts on it: cancel and review are keyed by repository and run', () => {
    assert.equal(runKey('WordPress/openverse-infrastructure', 42), runKey('wordpress/OPENVERSE-infrastructure', 42));
    assert.notEqual(runKey('WordPress/openverse-infrastructure', 42), runKey('acme/platform', 42));
    assert.notEqual(reviewKey('acme/platform', 42), reviewKey('WordPress/openverse-infrastructure', 42));
    const window = new InFlight<string>();
    assert.ok(window.inFolder(openverse).claim(reviewKey('WordPress/openverse-infrastructure', 42), 'reviewing').ok);
    assert.equal(window.inFolder(copy).claim(reviewKey('WordPress/openverse-infrastructure', 42), 'reviewing').ok, false);
  });

  it('an environment deployed by hand has no workflow: its key is the app\'s environment in its monorepo', () => {
    const manual: EnvironmentProfile = { ...environmentOf(openverseProfile(), 'api', 'production'), deploy: { kind: 'manual', tool: 'ansible', steps: [], links: [] } };
    assert.equal(environmentKey('WordPress/Openverse', 'api', manual), environmentKey('wordpress/openverse', 'api', manual));
    assert.notEqual(environmentKey('WordPress/openverse', 'api', manual), environmentKey('acme/shop', 'api', manual));
  });

  it('refuses a second claim while the first runs, naming the first', () => {
    const inFlight = new InFlight<{ what: string }>();
    const first = inFlight.claim('deploy:api/production', { what: 'deploying API production' });
    assert.ok(first.ok);
    const second = inFlight.claim('deploy:api/production', { what: 'again' });
    assert.deepEqual(second, { ok: false, running: { what: 'deploying API production' } });
    assert.ok(inFlight.claim('deploy:api/staging', { what: 'other environment' }).ok, 'other targets are free');
  });

  it('frees the key when the first ends, even after its details were updated', () => {
    const inFlight = new InFlight<{ what: string; runUrl?: string }>();
    const first = inFlight.claim('deploy:api/staging', { what: 'deploying' });
    assert.ok(first.ok);
    inFlight.update('deploy:api/staging', { what: 'deploying', runUrl: 'https://github.com/o/r/actions/runs/1' });
    assert.equal(inFlight.get('deploy:api/staging')?.runUrl, 'https://github.com/o/r/actions/runs/1');
    first.release();
    assert.equal(inFlight.get('deploy:api/staging'), undefined);
    assert.ok(inFlight.claim('deploy:api/staging', { what: 'next' }).ok);
  });

  it('a stale release does not free a newer claim', () => {
    const inFlight = new InFlight<string>();
    const first = inFlight.claim('publish:api', 'first');
    assert.ok(first.ok);
    first.release();
    const second = inFlight.claim('publish:api', 'second');
    assert.ok(second.ok);
    first.release();
    assert.equal(inFlight.get('publish:api'), 'second');
  });
});

describe('one production action per environment', () => {
  const profile = openverseProfile();
  const production = deployment(profile, 'api', 'production');
  const publish = publishKey(profile.monorepo, 'api');

  it('a publish that deploys production and a deployment of production exclude each other', () => {
    const inFlight = new InFlight<string>();
    const publishing = inFlight.claimAll([publish, production], 'publishing api-2026.11.25.18.00.00');
    assert.ok(publishing.ok);
    assert.deepEqual(inFlight.claim(production, 'rolling back'), { ok: false, running: 'publishing api-2026.11.25.18.00.00' });
    publishing.release();
    const deploy = inFlight.claim(production, 'rolling back');
    assert.ok(deploy.ok);
    const second = inFlight.claimAll([publish, production], 'publishing');
    assert.deepEqual(second, { ok: false, running: 'rolling back' });
    assert.equal(inFlight.get(publish), undefined, 'a refused claimAll takes no key');
  });

  it('tells whether this window held a key since a moment: its own actions are not news', () => {
    let now = 1_000;
    const inFlight = new InFlight<{ what: string }>(() => now);
    assert.equal(inFlight.heldSince(production, 0), false, 'never held');
    const claim = inFlight.inFolder({ key: 'file:///work/openverse-review', name: 'openverse-review' }).claim(production, { what: 'deploying' });
    assert.ok(claim.ok);
    assert.equal(inFlight.heldSince(production, 5_000), true, 'held now, from any folder of the window');
    now = 2_000;
    claim.release();
    assert.equal(inFlight.heldSince(production, 1_500), true, 'freed after the moment');
    assert.equal(inFlight.heldSince(production, 2_500), false, 'freed before the moment');
    assert.equal(inFlight.heldSince(deployment(profile, 'api', 'staging'), 0), false, 'another key');
  });
});
