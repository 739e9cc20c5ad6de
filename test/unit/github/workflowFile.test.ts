import { strict as assert } from 'node:assert';
import type { WorkflowDeploy } from '../../../src/domain/profileTypes';
import { describeError } from '../../../src/github/errors';
import { readWorkflowFile, resolveReasonInput } from '../../../src/github/workflowFile';
import { GERMAN } from '../l10n/german';
import { INFRA, openverseWorld } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from './helpers';

const STAGING: WorkflowDeploy = { kind: 'workflow', repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', tagInput: 'tag' };

describe('the reason input, read from the workflow file', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('is the input the file describes as the run name, read once and then for free', async () => {
    harness = await startHarness();
    const resolution = await resolveReasonInput(harness.client, STAGING);
    assert.equal(resolution.kind, 'file');
    assert.equal(resolution.kind === 'file' && resolution.input.key, 'run_name');
    harness.simulator.resetStats();
    await resolveReasonInput(harness.client, STAGING);
    assert.equal(harness.simulator.stats.notModified, 1, 'the second read is a 304');
    assert.equal(harness.simulator.stats.rateLimitUnits, 0);
  });

  it('is the profile\'s reasonInput when it names one, without reading the file', async () => {
    harness = await startHarness();
    assert.deepEqual(await resolveReasonInput(harness.client, { ...STAGING, reasonInput: 'why' }), { kind: 'profile', key: 'why' });
    assert.equal(harness.simulator.stats.requests, 0);
  });

  it('is none, saying why, when the file cannot be read or is not valid YAML', async () => {
    const world = openverseWorld();
    const infra = world.repos.find((repo) => repo.fullName === INFRA)!;
    const head = infra.commits[infra.commits.length - 1]!;
    infra.commits[infra.commits.length - 1] = { ...head, contents: { '.github/workflows/deploy-staging-api.yml': 'on:\n  workflow_dispatch:\n    inputs: [unclosed\n' } };
    harness = await startHarness({ world });
    const broken = await resolveReasonInput(harness.client, STAGING);
    assert.equal(broken.kind, 'none');
    assert.match(broken.kind === 'none' ? broken.why : '', /^deploy-staging-api\.yml in WordPress\/openverse-infrastructure could not be read: \.github\/workflows\/deploy-staging-api\.yml is not valid YAML/);
    const missing = await resolveReasonInput(harness.client, { ...STAGING, workflow: 'deploy-nowhere.yml' });
    assert.equal(missing.kind, 'none');
    assert.match(missing.kind === 'none' ? missing.why : '', /^deploy-nowhere\.yml in WordPress\/openverse-infrastructure could not be read: .*404/);
  });

  it('says in the person\'s language (German) that a workflow file is not valid YAML, in English for the log', async () => {
    const world = openverseWorld();
    const infra = world.repos.find((repo) => repo.fullName === INFRA)!;
    const head = infra.commits[infra.commits.length - 1]!;
    infra.commits[infra.commits.length - 1] = { ...head, contents: { '.github/workflows/deploy-staging-api.yml': 'on:\n  workflow_dispatch:\n    inputs: [unclosed\n' } };
    harness = await startHarness({ world });
    const error = await readWorkflowFile(harness.client, STAGING).then(() => undefined, (failure: unknown) => failure);
    assert.match(describeError(error, GERMAN), /^\.github\/workflows\/deploy-staging-api\.yml ist kein gültiges YAML \(.+\)$/);
    assert.match(describeError(error), /^\.github\/workflows\/deploy-staging-api\.yml is not valid YAML \(.+\)$/);
  });
});
