import { strict as assert } from 'node:assert';
import { baselineOf, dispatchedRunShown, matchDispatchedRun, runDeploysTag, titleNamesTag } from '../../../src/domain/dispatchedRun';
import type { DeploymentRecord, EnvironmentDeck } from '../../../src/domain/snapshot';
import type { ReleaseFact, WorkflowRunFact } from '../../../src/domain/facts';
import { draftChanges, tagPlacement } from '../../../src/domain/reviewedDraft';
import { germanL10n } from '../l10n/german';
import { DEFAULT_IMAGE_SCHEME, tagSchemeOf } from '../../../src/domain/tagScheme';

function run(id: number, title: string, fields: Partial<WorkflowRunFact> = {}): WorkflowRunFact {
  return {
    id,
    repo: 'WordPress/openverse-infrastructure',
    workflowPath: '.github/workflows/deploy-production-api.yml',
    displayTitle: title,
    event: 'workflow_dispatch',
    status: 'queued',
    conclusion: null,
    createdAt: '2026-11-26T09:00:00Z',
    updatedAt: '2026-11-26T09:00:00Z',
    actor: 'unknown',
    htmlUrl: `https://github.com/WordPress/openverse-infrastructure/actions/runs/${id}`,
    headBranch: 'main',
    headSha: 'a'.repeat(40),
    ...fields,
  };
}

describe('telling the run a dispatch created by its inputs', () => {
  const old = run(1, 'Deploy rel-2026.11.12.14.05.33 to production-api', { status: 'completed', conclusion: 'success', createdAt: '2026-11-12T15:10:00Z' });
  const baseline = baselineOf([old]);
  const request = { ref: 'main', imageTag: 'rel-2026.11.12.14.05.33', scheme: DEFAULT_IMAGE_SCHEME };

  it('takes the new run on the branch whose title names the tag, whoever the actor', () => {
    const ours = run(2, 'Deploy rel-2026.11.12.14.05.33 to production-api');
    const colleague = run(3, 'Deploy rel-2026.10.15.09.30.00 to production-api', { actor: 'someone' });
    assert.deepEqual(matchDispatchedRun([colleague, ours, old], request, baseline), { kind: 'found', run: ours });
  });

  it('never takes a run that existed before, another branch, another event, or another tag', () => {
    const runs = [
      old,
      run(4, 'Deploy rel-2026.11.12.14.05.33 to production-api', { headBranch: 'hotfix' }),
      run(5, 'Deploy rel-2026.11.12.14.05.33 to production-api', { event: 'repository_dispatch' }),
      run(6, 'Deploy rel-2026.11.12.14.05.34 to production-api'),
      run(7, 'Deploy rel-2026.11.12.14.05.33 to production-api', { createdAt: '2026-11-01T00:00:00Z' }),
    ];
    assert.deepEqual(matchDispatchedRun(runs, request, baseline), { kind: 'none' });
  });

  it('says it cannot tell when a new run\'s title shows no image tag, or two new runs show ours', () => {
    const untitled = run(8, 'Deployment - production-api');
    assert.equal(matchDispatchedRun([untitled, run(9, 'Deploy rel-2026.11.12.14.05.33 to production-api')], request, baseline).kind, 'ambiguous');
    assert.equal(matchDispatchedRun([run(10, 'Deploy rel-2026.11.12.14.05.33 to production-api'), run(11, 'Redeploy (rel-2026.11.12.14.05.33)')], request, baseline).kind, 'ambiguous');
    // A longer token that only begins like our tag names no readable tag: the run cannot be told apart.
    assert.equal(matchDispatchedRun([run(12, 'Deploy rel-2026.11.12.14.05.331 to production-api')], request, baseline).kind, 'ambiguous');
  });

  it('never takes a colleague\'s run whose title names our tag but deploys another one: it cannot tell', () => {
    const hotfix = run(12, 'Hotfix after rel-2026.11.12.14.05.33 broke search (rel-2026.11.13.08.00.00)');
    assert.deepEqual(matchDispatchedRun([hotfix], request, baseline), { kind: 'ambiguous', runs: [hotfix] });
    const ours = run(13, 'Deploy rel-2026.11.12.14.05.33 to production-api');
    assert.equal(matchDispatchedRun([hotfix, ours], request, baseline).kind, 'ambiguous');
  });

  it('a run deploys a tag only when its title places it (the run-name\'s place for the tag)', () => {
    assert.equal(runDeploysTag(run(14, 'Deploy rel-2026.11.12.14.05.33 to production-api'), 'rel-2026.11.12.14.05.33', DEFAULT_IMAGE_SCHEME), true);
    assert.equal(runDeploysTag(run(15, 'Manual deployment (rel-2026.11.12.14.05.33)'), 'rel-2026.11.12.14.05.33', DEFAULT_IMAGE_SCHEME), true);
    assert.equal(runDeploysTag(run(16, 'Hotfix after rel-2026.11.12.14.05.33 broke search (rel-2026.11.13.08.00.00)'), 'rel-2026.11.12.14.05.33', DEFAULT_IMAGE_SCHEME), false);
    assert.equal(runDeploysTag(run(17, 'Hotfix after rel-2026.11.12.14.05.33 broke search (rel-2026.11.13.08.00.00)'), 'rel-2026.11.13.08.00.00', DEFAULT_IMAGE_SCHEME), true);
  });

  it('settles an unknown dispatch when the deck shows its run: new, dispatched, deploying the tag', () => {
    const record = (runId: number, title: string, event = 'workflow_dispatch'): DeploymentRecord => ({ runId, runUrl: `https://github.com/o/r/actions/runs/${runId}`, title, status: 'queued', conclusion: null, startedAt: '', updatedAt: '', actor: 'x', event });
    const environment = (fields: Partial<EnvironmentDeck>): EnvironmentDeck => ({ appId: 'api', state: 'ok', stateDetail: '', history: [], runs: [], rollback: { ok: false, reason: '' }, ...fields }) as unknown as EnvironmentDeck;
    const dispatch = { imageTag: 'rel-2026.11.12.14.05.33', baseline, scheme: DEFAULT_IMAGE_SCHEME };
    const ours = record(20, 'Manual deployment (rel-2026.11.12.14.05.33)');
    assert.equal(dispatchedRunShown(environment({ activeDeployment: ours }), dispatch), ours);
    assert.equal(dispatchedRunShown(environment({ lastDeployment: ours }), dispatch), ours);
    assert.equal(dispatchedRunShown(environment({}), dispatch), undefined, 'nothing shown yet');
    assert.equal(dispatchedRunShown(environment({ activeDeployment: record(1, 'Manual deployment (rel-2026.11.12.14.05.33)') }), dispatch), undefined, 'known before the dispatch');
    assert.equal(dispatchedRunShown(environment({ activeDeployment: record(21, 'Manual deployment (rel-2026.10.15.09.30.00)') }), dispatch), undefined, 'another tag');
    assert.equal(dispatchedRunShown(environment({ activeDeployment: record(22, 'Deploy rel-2026.11.12.14.05.33 to production-api', 'repository_dispatch') }), dispatch), undefined, 'a publish\'s deployment');
  });

  it('tells a semantic-version app\'s run by its own image tags: 1.4.2 is ours, 1.4.3 a colleague\'s, never ambiguous', () => {
    const web = tagSchemeOf({ id: 'web', gitTagPrefix: 'web@', releaseTags: { git: '{app}@{version}', image: '{version}' } });
    const semver = { ref: 'trunk', imageTag: '1.4.2', scheme: web };
    const ours = run(30, 'Deploy 1.4.2 to web-production', { headBranch: 'trunk' });
    const colleague = run(31, 'Deploy 1.4.3 to web-production', { headBranch: 'trunk' });
    assert.deepEqual(matchDispatchedRun([colleague, ours], semver, baseline), { kind: 'found', run: ours });
    assert.ok(runDeploysTag(ours, '1.4.2', web));
    assert.ok(!runDeploysTag(run(32, 'Deploy 1.4.20 to web-production'), '1.4.2', web));
    const dispatch = { imageTag: '1.4.2', baseline, scheme: web };
    const shown = { runId: 30, runUrl: '', title: 'Deploy 1.4.2 to web-production', status: 'queued' as const, conclusion: null, startedAt: '', updatedAt: '', actor: 'x', event: 'workflow_dispatch' };
    assert.equal(dispatchedRunShown({ activeDeployment: shown } as unknown as EnvironmentDeck, dispatch), shown);
  });

  it('matches a tag only as a whole word', () => {
    assert.equal(titleNamesTag('Manual deployment (rel-2026.11.12.14.05.33)', 'rel-2026.11.12.14.05.33'), true);
    assert.equal(titleNamesTag('xrel-2026.11.12.14.05.33', 'rel-2026.11.12.14.05.33'), false);
  });
});

describe('publishing exactly what was reviewed', () => {
  const shown = { gitTag: 'api-2026.11.25.18.00.00', targetCommitish: 'main', body: '- a change' };
  const now = (fields: Partial<ReleaseFact>): ReleaseFact => ({ id: 1, name: 'api', tagName: shown.gitTag, draft: true, prerelease: false, body: shown.body, htmlUrl: 'https://github.com/o/r/releases/1', createdAt: '', publishedAt: null, targetCommitish: 'main', ...fields });

  it('lists what changed since the deck showed the draft', () => {
    assert.deepEqual(draftChanges(shown, now({})), []);
    assert.deepEqual(draftChanges(shown, now({ targetCommitish: 'hotfix', body: '- a change\n- a hidden one', tagName: 'api-2026.11.26.00.00.00' })), [
      'its git tag is now api-2026.11.26.00.00.00 (was api-2026.11.25.18.00.00)',
      'its target is now hotfix (was main)',
      'its notes were edited',
    ]);
  });

  it('says where the tag goes with what was read, or plainly what GitHub will do', () => {
    const head = 'b'.repeat(40);
    assert.deepEqual(tagPlacement('api-1', 'main', { sha: head }), { placement: `api-1, created on commit ${'b'.repeat(12)}, the head of main now (a merge to main meanwhile does not move it)`, send: head });
    assert.deepEqual(tagPlacement('api-1', 'c'.repeat(40), { sha: 'c'.repeat(40) }), { placement: `api-1, created on commit ${'c'.repeat(12)}`, send: 'c'.repeat(40) });
    const unread = tagPlacement('api-1', 'main', { problem: 'timeout' });
    assert.match(unread.placement, /created by GitHub on the head of main at the moment of publishing \(the head could not be read: timeout\)/);
    assert.equal(unread.send, 'main');
  });

  it('says so when the git tag already exists: GitHub publishes on it and does not use the target', () => {
    const existing = tagPlacement('api-1', 'main', { sha: 'b'.repeat(40) }, { sha: 'a'.repeat(40) });
    assert.equal(existing.placement, `api-1, which already exists on commit ${'a'.repeat(12)}: GitHub publishes on that tag as it is, and main is not used`);
    assert.equal(existing.send, 'main', 'the target is left as the draft has it');
    const unknown = tagPlacement('api-1', 'main', { sha: 'b'.repeat(40) }, { problem: 'timeout' });
    assert.match(unknown.placement, /^api-1, created on commit b{12}, the head of main now .*; whether api-1 already exists could not be read \(timeout\): if it does, GitHub publishes on it as it is$/);
  });

  it('says what changed and where the tag goes in German in a German editor', () => {
    const de = germanL10n();
    assert.deepEqual(draftChanges(shown, now({ draft: false, publishedAt: '2026-11-26T09:00:00Z', targetCommitish: 'hotfix', body: '- other' }), de), [
      'es ist kein Entwurf mehr (veröffentlicht 2026-11-26T09:00:00Z)',
      'sein Ziel ist jetzt hotfix (war main)',
      'seine Release Notes wurden bearbeitet',
    ]);
    assert.deepEqual(draftChanges(shown, now({ draft: false, tagName: 'api-2' }), de), ['es ist kein Entwurf mehr (inzwischen veröffentlicht)', 'sein Git-Tag ist jetzt api-2 (war api-2026.11.25.18.00.00)']);
    assert.equal(tagPlacement('api-1', 'main', { sha: 'b'.repeat(40) }, undefined, de).placement, `api-1, erstellt auf Commit ${'b'.repeat(12)}, dem jetzt neuesten Commit von main (ein Merge nach main in der Zwischenzeit verschiebt ihn nicht)`);
    assert.equal(tagPlacement('api-1', 'main', { sha: 'b'.repeat(40) }, { sha: 'a'.repeat(40) }, de).placement, `api-1, der schon auf Commit ${'a'.repeat(12)} existiert: GitHub veröffentlicht auf diesem Tag, wie er ist, und main wird nicht verwendet`);
    assert.equal(
      tagPlacement('api-1', 'main', { problem: 'Zeitüberschreitung' }, { problem: 'Zeitüberschreitung' }, de).placement,
      'api-1, von GitHub im Moment des Veröffentlichens auf dem neuesten Commit von main erstellt (der neueste Commit konnte nicht gelesen werden: Zeitüberschreitung); ob api-1 schon existiert, konnte nicht gelesen werden (Zeitüberschreitung): Falls ja, veröffentlicht GitHub auf ihm, wie er ist',
    );
    assert.equal(tagPlacement('api-1', 'c'.repeat(40), { sha: 'c'.repeat(40) }, undefined, de).placement, `api-1, erstellt auf Commit ${'c'.repeat(12)}`);
  });
});
