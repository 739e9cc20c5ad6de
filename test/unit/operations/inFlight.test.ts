import { strict as assert } from 'node:assert';
import { environmentKey, InFlight, publishKey } from '../../../src/operations/inFlight';

describe('one operation at a time', () => {
  it('in a multi-root workspace, the same app id in two folders never blocks the other; one folder\'s claims stay exclusive', () => {
    const window = new InFlight<{ what: string }>();
    const openverse = window.within('file:///work/openverse');
    const shop = window.within('file:///work/shop');
    const first = openverse.claim(environmentKey('api', 'production'), { what: 'deploying Openverse API' });
    assert.ok(first.ok);
    assert.ok(shop.claim(environmentKey('api', 'production'), { what: 'deploying the shop API' }).ok, 'another folder\'s api is another app');
    assert.deepEqual(window.within('file:///work/openverse').claim(environmentKey('api', 'production'), { what: 'again' }), { ok: false, running: { what: 'deploying Openverse API' } });
    assert.equal(shop.get(publishKey('api')), undefined);
    first.release();
    assert.ok(openverse.heldSince(environmentKey('api', 'production'), 0));
    assert.equal(window.heldSince(environmentKey('api', 'production'), 0), false, 'the window\'s own keys are not the sections\'');
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
  it('a publish that deploys production and a deployment of production exclude each other', () => {
    const inFlight = new InFlight<string>();
    const publish = inFlight.claimAll([publishKey('api'), environmentKey('api', 'production')], 'publishing api-2026.11.25.18.00.00');
    assert.ok(publish.ok);
    assert.deepEqual(inFlight.claim(environmentKey('api', 'production'), 'rolling back'), { ok: false, running: 'publishing api-2026.11.25.18.00.00' });
    publish.release();
    const deploy = inFlight.claim(environmentKey('api', 'production'), 'rolling back');
    assert.ok(deploy.ok);
    const second = inFlight.claimAll([publishKey('api'), environmentKey('api', 'production')], 'publishing');
    assert.deepEqual(second, { ok: false, running: 'rolling back' });
    assert.equal(inFlight.get(publishKey('api')), undefined, 'a refused claimAll takes no key');
  });

  it('tells whether this window held a key since a moment: its own actions are not news', () => {
    let now = 1_000;
    const inFlight = new InFlight<{ what: string }>(() => now);
    const key = environmentKey('api', 'production');
    assert.equal(inFlight.heldSince(key, 0), false, 'never held');
    const claim = inFlight.claim(key, { what: 'deploying' });
    assert.ok(claim.ok);
    assert.equal(inFlight.heldSince(key, 5_000), true, 'held now');
    now = 2_000;
    claim.release();
    assert.equal(inFlight.heldSince(key, 1_500), true, 'freed after the moment');
    assert.equal(inFlight.heldSince(key, 2_500), false, 'freed before the moment');
    assert.equal(inFlight.heldSince(environmentKey('api', 'staging'), 0), false, 'another key');
  });
});
