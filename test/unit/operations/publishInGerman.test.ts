import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment } from '../../../src/domain/snapshot';
import { resolveDeployTarget } from '../../../src/domain/deployPlan';
import { deployAndFollow } from '../../../src/operations/deploy';
import { publishAndFollow } from '../../../src/operations/publish';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { startHarness, type Harness } from '../github/helpers';
import { simulatedProfile } from '../github/process.test';
import { GERMAN } from '../l10n/german';

/** A publish and a deployment followed in a German editor: their progress and outcome in German. */
describe('a publish followed in German', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('says when the production /version names another environment, in German', async () => {
    const profile = simulatedProfile(harness.simulator);
    const found = findEnvironment(buildDeck(profile, await gatherFacts(harness.client, profile)), 'api', 'production');
    assert.ok(found?.app.draft);
    // nginx's /version answers with whatever `environment` the deployment set (openverse-facts §3): here the staging one.
    await fetch(`${harness.simulator.url}/_admin/environment`, { method: 'POST', body: JSON.stringify({ app: 'api', environment: 'production', environmentName: 'staging' }) });
    const steps: string[] = [];
    const result = await publishAndFollow(harness.client, { profile, app: found.app.app, draft: found.app.draft, deployedEnvironment: found.environment, language: GERMAN }, (step) => steps.push(step), {
      intervalMs: 1,
      sleep: () => {
        harness.simulator.advance(5);
        return Promise.resolve();
      },
      now: () => harness.simulator.now().getTime(),
    });
    assert.ok(steps.includes('Release-Workflow: fertig'), steps.join('\n'));
    assert.match(result.problem ?? '', /^Die Bereitstellung von rel-\S+ war erfolgreich, aber \S+ konnte sie nicht bestätigen \(ihr \/version sagt, sie sei staging: Die URL zeigt möglicherweise auf die falsche Umgebung\)\.$/);
  });

  it('a deployment whose /version names another environment: German for the person, English for the log', async () => {
    const profile = simulatedProfile(harness.simulator);
    const found = findEnvironment(buildDeck(profile, await gatherFacts(harness.client, profile)), 'api', 'staging');
    assert.ok(found);
    const target = resolveDeployTarget(found.app, 'rel-2026.11.12.14.05.33');
    assert.ok(target.ok);
    await fetch(`${harness.simulator.url}/_admin/environment`, { method: 'POST', body: JSON.stringify({ app: 'api', environment: 'staging', environmentName: 'production' }) });
    const moving = { intervalMs: 1, sleep: () => { harness.simulator.advance(5); return Promise.resolve(); }, now: () => harness.simulator.now().getTime() };
    const result = await deployAndFollow(harness.client, { app: found.app, environment: found.environment, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[0].environments[0]', language: GERMAN }, () => undefined, () => undefined, moving);
    assert.match(result.problem ?? '', /^Die Bereitstellung von rel-2026\.11\.12\.14\.05\.33 auf API staging war erfolgreich, aber \S+ konnte sie nicht bestätigen \(ihr \/version sagt, sie sei production: Die URL zeigt möglicherweise auf die falsche Umgebung\)\.$/);
    assert.match(result.englishProblem ?? '', /^The deployment of rel-2026\.11\.12\.14\.05\.33 to API staging succeeded, but \S+ could not confirm it \(its \/version says it is production: the URL may point at the wrong environment\)\.$/, 'the log stays English');
  });
});
