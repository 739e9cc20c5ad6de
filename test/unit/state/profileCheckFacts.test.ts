import { strict as assert } from 'node:assert';
import { checkProfile } from '../../../src/domain/profileCheck';
import { discoverProfile } from '../../../src/domain/profileDiscovery';
import { jsonWithComments } from '../../../src/domain/jsoncComments';
import { parseProfileText, validateProfile } from '../../../src/domain/profileValidation';
import { gatherCheckFacts } from '../../../src/state/profileCheckFacts';
import { discoverOnGitHub } from '../../../src/state/profileDiscoveryFacts';
import { INFRA, MONOREPO } from '../../simulator/openverseWorld';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

describe('Check Profile and Create Profile against the simulated GitHub', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('the simulated Openverse profile checks out; a wrong workflow, a missing input and a dead /version are found, in a bounded number of requests, free the second time', async () => {
    harness = await startHarness();
    const document = simulatedProfileDocument(harness.simulator.url);
    const clean = validateProfile(document);
    assert.ok(clean.ok);
    const facts = await gatherCheckFacts(harness.client, clean.profile);
    const findings = checkProfile(clean.profile, facts);
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error'), [], JSON.stringify(findings, null, 1));
    assert.deepEqual(facts.notChecked, { workflows: 0, endpoints: 0 });
    const requests = harness.simulator.stats.requests;
    assert.ok(requests <= 12, `${requests} requests: /user, 2 repositories, the release workflow and 4 deployment workflows`);

    harness.simulator.resetStats();
    await gatherCheckFacts(harness.client, clean.profile);
    assert.equal(harness.simulator.stats.rateLimitUnits, 0, 'an unchanged profile checks again for free (ETags)');

    const broken = structuredClone(document);
    const api = broken.apps[0]!;
    const staging = api.environments[0]!;
    const production = api.environments[1]!;
    Object.assign(staging.deploy, { tagInput: 'image_tag' });
    Object.assign(production.deploy, { workflow: 'deploy-prod-api.yml' });
    Object.assign(production, { versionUrl: `${harness.simulator.url}/live/nothing/here/version` });
    const wrong = validateProfile(broken);
    assert.ok(wrong.ok);
    const found = checkProfile(wrong.profile, await gatherCheckFacts(harness.client, wrong.profile));
    const paths = found.map((finding) => `${finding.path} ${finding.severity}`);
    assert.ok(paths.includes('$.apps[0].environments[0].deploy.tagInput error'), paths.join('\n'));
    assert.ok(paths.includes('$.apps[0].environments[1].deploy.workflow error'), paths.join('\n'));
    assert.ok(paths.includes('$.apps[0].environments[1].versionUrl warning'), paths.join('\n'));
    assert.deepEqual(found.find((finding) => finding.path === '$.apps[0].environments[0].deploy.tagInput')?.fixes.map((fix) => fix.value), ['tag']);
    assert.equal(found.find((finding) => finding.path === '$.apps[0].environments[1].deploy.workflow')?.fixes[0]?.value, 'deploy-production-api.yml', 'the most alike workflow of the repository first');
  });

  it('says in German why a repository or a workflow file could not be read, and in English for the log (Check Profile)', async () => {
    harness = await startHarness();
    const document = simulatedProfileDocument(harness.simulator.url);
    const gone = validateProfile(document);
    assert.ok(gone.ok);
    await addFault(harness.simulator, { path: `^/repos/${INFRA}$`, kind: 'status', status: 404, count: 20 });
    const facts = await gatherCheckFacts(harness.client, gone.profile, undefined, GERMAN.locale);
    const inGerman = checkProfile(gone.profile, facts, GERMAN.l10n).map((finding) => finding.message);
    assert.ok(inGerman.includes(`${INFRA} ist mit Ihrem Token nicht erreichbar: GitHub antwortet 404 Not Found: Es existiert nicht, oder Ihr Token kann es nicht sehen. Prüfen Sie den Namen, oder melden Sie sich mit einem Token an, das es lesen kann.`), inGerman.join('\n'));
    await fetch(`${harness.simulator.url}/_admin/faults`, { method: 'DELETE' });
    await addFault(harness.simulator, { path: '/contents/.*deploy-production-api\\.yml$', kind: 'status', status: 500, count: 20 });
    const again = checkProfile(gone.profile, await gatherCheckFacts(harness.client, gone.profile, undefined, GERMAN.locale), GERMAN.l10n);
    const unreadable = again.find((finding) => finding.path === '$.apps[0].environments[1].deploy.workflow');
    assert.match(unreadable?.message ?? JSON.stringify(again), /^deploy-production-api\.yml in .* konnte nicht geprüft werden: GitHub antwortete 500 \(ein Serverfehler\) beim Versuch, /);
    // The log's copy, from the same facts: English.
    const inEnglish = checkProfile(gone.profile, facts).map((finding) => finding.message);
    assert.ok(inEnglish.includes(`${INFRA} cannot be reached with your token: GitHub answers 404 Not Found: it does not exist, or your token cannot see it. Check the name, or sign in with a token that can read it.`), inEnglish.join('\n'));
  });

  it('Create Profile\'s reading of the simulated Openverse writes a profile that validates, from one page of releases and the workflow files', async () => {
    harness = await startHarness();
    const github = await discoverOnGitHub(harness.client, [MONOREPO, INFRA]);
    assert.ok(github.releaseTags.ok);
    assert.deepEqual(github.unreadable, []);
    const requests = harness.simulator.stats.requests;
    const found = discoverProfile({ monorepo: MONOREPO, infrastructureRepo: INFRA, folders: ['api', 'frontend', 'catalog', 'ingestion_server', 'indexer_worker', 'documentation'], envFiles: ['api/env.template'], ...github });
    assert.deepEqual(found.document.apps.map((app) => app.id), ['api', 'catalog', 'frontend', 'ingestion_server'], 'the apps with releases, in order');
    assert.deepEqual(found.document.apps[0]?.environments.map((environment) => `${environment.id} ${JSON.stringify(environment.deploy.workflow)}`), ['staging "deploy-staging-api.yml"', 'production "deploy-production-api.yml"']);
    const parsed = parseProfileText(jsonWithComments(found.document, found.notes));
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    assert.ok(requests <= 1 + 2 + github.workflows.length, `${requests} requests`);
  });
});
