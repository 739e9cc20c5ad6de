import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment } from '../../../src/domain/snapshot';
import { deployableProblem, resolveDeployTarget, runningImageTag } from '../../../src/domain/deployPlan';
import { openverseProfile } from '../../../src/domain/openverse';
import { openverseFacts, sha } from '../fixtures/openverseFacts';

function deck() {
  return buildDeck(openverseProfile(), openverseFacts());
}

describe('deployment plans', () => {
  it('resolves a published release\'s image tag to its git tag and commit', () => {
    const found = findEnvironment(deck(), 'api', 'production');
    assert.ok(found);
    const target = resolveDeployTarget(found.app, 'rel-2026.10.15.09.30.00');
    assert.ok(target.ok);
    assert.deepEqual(target.value, { imageTag: 'rel-2026.10.15.09.30.00', sha: sha('c9'), gitTag: 'api-2026.10.15.09.30.00' });
  });

  it('resolves a commit SHA to itself', () => {
    const found = findEnvironment(deck(), 'api', 'staging');
    assert.ok(found);
    const target = resolveDeployTarget(found.app, ` ${sha('c17')} `);
    assert.ok(target.ok);
    assert.equal(target.value.sha, sha('c17'));
  });

  it('refuses a rel- tag newer than every published release: no image carries it', () => {
    const found = findEnvironment(deck(), 'api', 'production');
    assert.ok(found);
    const target = resolveDeployTarget(found.app, 'rel-2030.01.01.00.00.00');
    assert.equal(target.ok, false);
    assert.match(target.ok ? '' : target.error, /newer than API's newest published release/);
  });

  for (const hostile of ['latest', 'rel-2026.10.15.09.30.00;reboot', '$(whoami)', '../../../etc', 'rel-2026.02.30.00.00.00', 'abc1234', 'rеl-2026.10.15.09.30.00']) {
    it(`refuses ${JSON.stringify(hostile)} before any request`, () => {
      const found = findEnvironment(deck(), 'api', 'production');
      assert.ok(found);
      assert.equal(resolveDeployTarget(found.app, hostile).ok, false);
    });
  }

  it('explains that manual and latest environments are not deployed from the editor', () => {
    const catalog = findEnvironment(deck(), 'catalog', 'production');
    assert.ok(catalog);
    assert.match(deployableProblem(catalog.app, catalog.environment) ?? '', /deployed by hand with Ansible: follow its manual procedure/);
    const indexer = findEnvironment(deck(), 'indexer_worker', 'production');
    assert.ok(indexer);
    assert.match(deployableProblem(indexer.app, indexer.environment) ?? '', /always runs the image tagged latest/);
    const api = findEnvironment(deck(), 'api', 'production');
    assert.ok(api);
    assert.equal(deployableProblem(api.app, api.environment), undefined);
  });

  it('redeploys what runs: the release image tag, else the commit', () => {
    assert.equal(runningImageTag(findEnvironment(deck(), 'api', 'production')!.environment), 'rel-2026.11.02.14.05.33');
    assert.equal(runningImageTag(findEnvironment(deck(), 'api', 'staging')!.environment), sha('c18'));
  });
});
