import { strict as assert } from 'node:assert';
import { titleFor } from '../../simulator/runTitles';
import type { WorldWorkflow } from '../../simulator/worldWorkflows';

/**
 * A run's title (`display_title`) from its workflow's `run-name` (GitHub's "Workflow syntax for GitHub Actions",
 * run-name): "If `run-name` is omitted or is only whitespace, then the run name is set to event-specific information
 * for the workflow run" — the commit message for a push, the event type for a repository_dispatch, the workflow's name
 * for a workflow_dispatch.
 */
describe('the simulator titles a run as GitHub does from its run-name', () => {
  const workflow = (runName?: string): WorldWorkflow => ({ id: 1, name: 'Deploy', path: '.github/workflows/deploy.yml', ...(runName !== undefined ? { runName } : {}), on: { workflowDispatch: { reason: { required: false } } } });

  it('evaluates the run-name with the run\'s inputs', () => {
    assert.equal(titleFor(workflow('Deploy ${{ inputs.reason }}'), { inputs: { reason: 'hotfix' }, actor: 'octo' }, 'Deploy'), 'Deploy hotfix');
  });

  it('falls back to the event\'s own title when there is no run-name, or it comes out empty or only whitespace', () => {
    assert.equal(titleFor(workflow(), { actor: 'octo' }, 'Deploy'), 'Deploy');
    assert.equal(titleFor(workflow('${{ inputs.reason }}'), { inputs: { reason: '' }, actor: 'octo' }, 'Deploy'), 'Deploy');
    assert.equal(titleFor(workflow(' ${{ inputs.reason }} '), { inputs: { reason: '' }, actor: 'octo' }, 'deploy_staging_api'), 'deploy_staging_api');
  });
});
