import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { dispatchInputsOf, reasonInputOf } from '../../../src/domain/workflowInputs';

const DEPLOY = `
name: Deployment - production-api
on:
  workflow_dispatch:
    inputs:
      tag:
        description: Image tag to deploy.
        required: true
      actor:
        description: The actual GitHub user that triggered this dispatch.
      deployment_name:
        description: "Name of the workflow run: why you are deploying by hand"
  repository_dispatch:
    types: [deploy_production_api]
`;

describe('a workflow file\'s dispatch inputs', () => {
  it('reads the declared inputs and finds the one described as a run name or reason', () => {
    const inputs = dispatchInputsOf(parse(DEPLOY));
    assert.ok(inputs.ok);
    assert.deepEqual(inputs.value.map((input) => input.key), ['tag', 'actor', 'deployment_name']);
    const choice = reasonInputOf(inputs.value, 'tag');
    assert.equal(choice.kind === 'found' && choice.input.key, 'deployment_name');
    assert.equal(choice.kind === 'found' && choice.input.description, 'Name of the workflow run: why you are deploying by hand');
  });

  it('finds a reason input by its key when it has no description, never the tag input', () => {
    const inputs = dispatchInputsOf(parse('on:\n  workflow_dispatch:\n    inputs:\n      reason: {}\n      tag: {description: "Reason: the image tag"}\n'));
    assert.ok(inputs.ok);
    const choice = reasonInputOf(inputs.value, 'tag');
    assert.equal(choice.kind === 'found' && choice.input.key, 'reason');
  });

  it('says why there is none: no such input, two candidates, no workflow_dispatch', () => {
    const none = reasonInputOf([{ key: 'tag', description: 'Image tag to deploy.', required: true }, { key: 'actor', required: false }], 'tag');
    assert.deepEqual(none, { kind: 'none', why: 'none of its workflow_dispatch inputs (tag, actor) is described as a run name or reason' });
    const two = reasonInputOf([{ key: 'run_name', required: false }, { key: 'why', description: 'Reason for deploying', required: false }], 'tag');
    assert.equal(two.kind, 'none');
    assert.match(two.kind === 'none' ? two.why : '', /several .*\(run_name, why\).*"reasonInput"/);
    const notDispatched = dispatchInputsOf(parse('on:\n  push:\n    branches: [main]\n'));
    assert.deepEqual(notDispatched, { ok: false, error: 'it is not started by workflow_dispatch' });
    assert.deepEqual(dispatchInputsOf(parse('on: workflow_dispatch\n')), { ok: true, value: [] });
    assert.deepEqual(dispatchInputsOf(parse('on:\n  workflow_dispatch:\n')), { ok: true, value: [] });
    assert.deepEqual(dispatchInputsOf(parse('- just a list\n')), { ok: false, error: 'it has no "on:" key' });
  });
});
