import { strict as assert } from 'node:assert';
import { germanL10n } from '../l10n/german';
import { checkedSummary, checkProfile, checkSummaryMessage, workflowKey, workflowsToRead, type CheckFacts, type WorkflowFileFact } from '../../../src/domain/profileCheck';
import type { VersionFact } from '../../../src/domain/facts';
import { validateProfile } from '../../../src/domain/profileValidation';
import type { Profile } from '../../../src/domain/profileTypes';
import { CI_YAML, semverDeployYaml, yamlDocument } from '../fixtures/workflowFiles';

const DOCUMENT = {
  name: 'Acme Shop',
  monorepo: 'acme/shop',
  infrastructureRepo: 'acme/shop-infra',
  apps: [
    {
      id: 'web',
      label: 'Web',
      environments: [
        { id: 'staging', label: 'Staging', versionUrl: 'https://staging.shop.example/version', deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web-staging.yml', tagInput: 'version' } },
        { id: 'production', label: 'Production', versionUrl: 'https://shop.example/version', deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web-prod.yml', tagInput: 'image_tag', reasonInput: 'why' } },
      ],
    },
  ],
};

function profileOf(document: unknown): Profile {
  const result = validateProfile(document);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
  return result.profile;
}

function facts(overrides: Partial<{ workflows: Array<[string, WorkflowFileFact]>; versions: Array<[string, VersionFact]>; scopes: string[] | undefined; infra: CheckFacts['repos'] extends ReadonlyMap<string, infer R> ? R : never }> = {}): CheckFacts {
  return {
    repos: new Map([['acme/shop', { ok: true, push: true }], ['acme/shop-infra', overrides.infra ?? { ok: true, push: true }]]),
    workflows: new Map(overrides.workflows ?? [
      [workflowKey('acme/shop-infra', 'deploy-web-staging.yml', undefined), { kind: 'file', document: yamlDocument(semverDeployYaml('web', 'staging')) }],
      [workflowKey('acme/shop-infra', 'deploy-web-prod.yml', undefined), { kind: 'file', document: yamlDocument(semverDeployYaml('web', 'production', 'image_tag')) }],
    ]),
    versions: new Map(overrides.versions ?? [['https://staging.shop.example/version', { kind: 'answered', release: 'a'.repeat(40), environment: 'staging' }], ['https://shop.example/version', { kind: 'answered', release: 'b'.repeat(40), environment: 'production' }]]),
    scopes: 'scopes' in overrides ? overrides.scopes : ['repo', 'workflow'],
  };
}

describe('Check Profile: rules', () => {
  it('a profile that matches its workflows and endpoints has nothing to report but the reason input the file does not declare', () => {
    const findings = checkProfile(profileOf(DOCUMENT), facts());
    assert.deepEqual(findings.map((finding) => [finding.path, finding.severity]), [['$.apps[0].environments[1].deploy.reasonInput', 'error']]);
    assert.deepEqual(findings[0]?.fixes, [{ title: 'Use "reason", the input that takes the run name', path: '$.apps[0].environments[1].deploy.reasonInput', value: 'reason' }]);
    assert.match(findings[0]?.message ?? '', /declares no input "why" \(it declares image_tag, reason\)/);
  });

  it('a missing input, a wrong workflow name and an unreachable /version: each at its JSON path, with quick fixes where GitHub names the right value', () => {
    const document = structuredClone(DOCUMENT);
    document.apps[0]!.environments[0]!.deploy.tagInput = 'tag';
    document.apps[0]!.environments[1]!.deploy.workflow = 'deploy-web-production.yml';
    const findings = checkProfile(profileOf(document), facts({
      workflows: [
        [workflowKey('acme/shop-infra', 'deploy-web-staging.yml', undefined), { kind: 'file', document: yamlDocument(semverDeployYaml('web', 'staging')) }],
        [workflowKey('acme/shop-infra', 'deploy-web-production.yml', undefined), { kind: 'missing', others: ['ci.yml', 'deploy-web-staging.yml', 'deploy-web-prod.yml'] }],
      ],
      versions: [['https://staging.shop.example/version', { kind: 'answered', release: 'a'.repeat(40), environment: 'staging' }], ['https://shop.example/version', { kind: 'unreachable', reason: 'the connection was refused' }]],
    }));
    const byPath = new Map(findings.map((finding) => [finding.path, finding]));
    const tag = byPath.get('$.apps[0].environments[0].deploy.tagInput');
    assert.equal(tag?.severity, 'error');
    assert.deepEqual(tag?.fixes.map((fix) => fix.value), ['version']);
    const workflow = byPath.get('$.apps[0].environments[1].deploy.workflow');
    assert.equal(workflow?.message, 'acme/shop-infra has no workflow file .github/workflows/deploy-web-production.yml.');
    assert.deepEqual(workflow?.fixes.map((fix) => fix.value), ['deploy-web-prod.yml', 'deploy-web-staging.yml', 'ci.yml'], 'the most alike first (prod for production)');
    const version = byPath.get('$.apps[0].environments[1].versionUrl');
    assert.equal(version?.severity, 'warning');
    assert.match(version?.message ?? '', /https:\/\/shop\.example\/version does not answer with a commit: the connection was refused/);
    assert.equal(byPath.has('$.apps[0].environments[1].deploy.reasonInput'), false, 'a missing workflow is not read further');
  });

  it('puts its findings and quick fixes in the Problems panel in the person\'s language', () => {
    const document = structuredClone(DOCUMENT);
    document.apps[0]!.environments[0]!.deploy.tagInput = 'tag';
    document.apps[0]!.environments[1]!.deploy.workflow = 'deploy-web-production.yml';
    const findings = checkProfile(profileOf(document), facts({
      workflows: [
        [workflowKey('acme/shop-infra', 'deploy-web-staging.yml', undefined), { kind: 'file', document: yamlDocument(semverDeployYaml('web', 'staging')) }],
        [workflowKey('acme/shop-infra', 'deploy-web-production.yml', undefined), { kind: 'missing', others: ['deploy-web-prod.yml'] }],
      ],
      scopes: ['repo'],
    }), germanL10n());
    const byPath = new Map(findings.map((finding) => [finding.path, finding]));
    assert.match(byPath.get('$')?.message ?? '', /^Ihrem Token fehlt der Scope workflow: Release Deck braucht repo, /);
    assert.match(byPath.get('$.apps[0].environments[0].deploy.tagInput')?.message ?? '', /^deploy-web-staging\.yml deklariert keinen Input „tag“ \(deklariert: [^)]+\); GitHub lehnt /);
    assert.equal(byPath.get('$.apps[0].environments[0].deploy.tagInput')?.fixes[0]?.title, '„version“ verwenden, den Input, der das Image-Tag entgegennimmt');
    const workflow = byPath.get('$.apps[0].environments[1].deploy.workflow');
    assert.equal(workflow?.message, 'acme/shop-infra hat keine Workflowdatei .github/workflows/deploy-web-production.yml.');
    assert.equal(workflow?.fixes[0]?.title, 'deploy-web-prod.yml verwenden (ein Workflow des Repositorys)');
  });

  it('an unreachable repository, a workflow that cannot be dispatched, a run-name that hides the tag, and scopes', () => {
    const unreachable = checkProfile(profileOf(DOCUMENT), facts({ infra: { ok: false, why: 'GitHub answered 404 (not found, or not visible to this token)' } }));
    assert.deepEqual(unreachable.map((finding) => finding.path), ['$.infrastructureRepo'], 'its workflows are not reported one by one');
    const ci = checkProfile(profileOf(DOCUMENT), facts({ workflows: [[workflowKey('acme/shop-infra', 'deploy-web-staging.yml', undefined), { kind: 'file', document: yamlDocument(CI_YAML) }]], scopes: ['repo'] }));
    assert.deepEqual(ci.map((finding) => `${finding.path} ${finding.severity}`), ['$ error', '$.apps[0].environments[0].deploy.workflow error']);
    assert.match(ci[0]?.message ?? '', /lacks the workflow scope/);
    assert.match(ci[1]?.message ?? '', /cannot be dispatched: it is not started by workflow_dispatch/);
    const hidden = semverDeployYaml('web', 'staging').replace(/^run-name: .*$/m, 'run-name: Deploy web by ${{ github.actor }}');
    const titles = checkProfile(profileOf(DOCUMENT), facts({ workflows: [[workflowKey('acme/shop-infra', 'deploy-web-staging.yml', undefined), { kind: 'file', document: yamlDocument(hidden) }]], scopes: undefined }));
    assert.deepEqual(titles.map((finding) => `${finding.path} ${finding.severity}`), ['$ information', '$.apps[0].environments[0].deploy.workflow warning']);
    assert.match(titles[1]?.message ?? '', /does not name the tag/);
  });

  it('reads the workflow files the profile names, the release workflow included', () => {
    const document = { ...structuredClone(DOCUMENT), releaseWorkflow: 'release.yml' };
    assert.deepEqual(workflowsToRead(profileOf(document)), [{ repo: 'acme/shop', file: 'release.yml' }, { repo: 'acme/shop-infra', file: 'deploy-web-staging.yml' }, { repo: 'acme/shop-infra', file: 'deploy-web-prod.yml' }]);
  });

  it('says what it did not check: token permissions it cannot see, workflows and endpoints past the limits', () => {
    const fineGrained = checkProfile(profileOf(DOCUMENT), { ...facts({ scopes: undefined }), notChecked: { workflows: 0, endpoints: 0 } });
    const notes = fineGrained.filter((finding) => finding.severity === 'information');
    assert.deepEqual(notes.map((finding) => finding.path), ['$']);
    assert.match(notes[0]?.message ?? '', /^Token permissions not checked: this sign-in \(a fine-grained token or an editor session\) lists no scopes/);
    const userFailed = checkProfile(profileOf(DOCUMENT), { ...facts({ scopes: undefined }), scopesUnreadable: 'GitHub answers 403 Forbidden: your token lacks the permission' });
    assert.match(userFailed.find((finding) => finding.severity === 'information')?.message ?? '', /^Token permissions not checked: GitHub did not say who the token is \(GitHub answers 403 Forbidden/);
    const limited = checkProfile(profileOf(DOCUMENT), { ...facts(), notChecked: { workflows: 3, endpoints: 1 } });
    assert.deepEqual(limited.filter((finding) => finding.severity === 'information').map((finding) => finding.message.replace(/ \(.*$/, '')), ['3 workflows not checked', '1 /version endpoint not checked']);
    const classic = checkProfile(profileOf(DOCUMENT), { ...facts(), notChecked: { workflows: 0, endpoints: 0 } });
    assert.equal(classic.some((finding) => finding.severity === 'information'), false, 'a classic token with its scopes, nothing over the limits: nothing unchecked to say');
  });

  it('words success as what was checked, never more', () => {
    const checked = checkedSummary(facts());
    assert.equal(checked, 'checked 2 repositories, 2 workflows, 2 /version endpoints');
    assert.deepEqual(checkSummaryMessage([], checked), { problems: false, text: 'Release Deck checked 2 repositories, 2 workflows, 2 /version endpoints: no problem found.' });
    const note = { path: '$', severity: 'information' as const, message: 'Token permissions not checked: …', fixes: [] };
    const withNote = checkSummaryMessage([note], checked);
    assert.equal(withNote.problems, false);
    assert.match(withNote.text, /no problem found\. Not everything could be checked: one note in the Problems panel/);
    const problems = checkSummaryMessage([note, { ...note, severity: 'error' }, { ...note, severity: 'warning' }, { ...note, severity: 'warning' }], checked);
    assert.equal(problems.problems, true);
    assert.match(problems.text, /1 error and 2 warnings, each at its field/);
  });
});

describe("Check Profile's summary in the person's language", () => {
  it('counts errors and warnings in German, and says what it read', () => {
    const l10n = germanL10n();
    const checked = checkedSummary(facts(), l10n);
    assert.equal(checked, '2 Repositorys, 2 Workflows und 2 /version-Endpunkte geprüft');
    const note = { path: '$', severity: 'information' as const, message: 'n', fixes: [] };
    assert.deepEqual(checkSummaryMessage([], checked, l10n), { problems: false, text: 'Release Deck hat 2 Repositorys, 2 Workflows und 2 /version-Endpunkte geprüft: kein Problem gefunden.' });
    assert.match(checkSummaryMessage([{ ...note, severity: 'error' }, { ...note, severity: 'warning' }, { ...note, severity: 'warning' }], checked, l10n).text, /^Das Profil passt nicht zu dem, was GitHub und die Umgebungen antworten: 1 Fehler und 2 Warnungen, jeweils an seinem Feld im Bereich „Probleme“/);
  });
});
