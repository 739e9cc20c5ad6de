import { strict as assert } from 'node:assert';
import { discoverProfile, monorepoUnreadable, profileChangedMeanwhile, type DiscoveryInput } from '../../../src/domain/profileDiscovery';
import { jsonWithComments } from '../../../src/domain/jsoncComments';
import { parseProfileText } from '../../../src/domain/profileValidation';
import { detectTagSchemes, MAX_TAGS_READ } from '../../../src/domain/tagSchemeDetection';
import { environmentOf, runNameMentionsTag, runTitleOf, summarizeWorkflow, tagInputOf } from '../../../src/domain/workflowDiscovery';
import { CI_YAML, NO_INPUTS_YAML, openverseDeployYaml, RELEASE_WORKFLOW_YAML, semverDeployYaml, yamlDocument } from '../fixtures/workflowFiles';

const INFRA = 'WordPress/openverse-infrastructure';
const MONOREPO = 'WordPress/openverse';

function openverseInput(): DiscoveryInput {
  return {
    monorepo: MONOREPO,
    infrastructureRepo: INFRA,
    folders: ['.github', 'api', 'frontend', 'catalog', 'documentation', 'node_modules', 'website'],
    envFiles: ['api/env.template', 'frontend/.env.example', 'documentation/.env.sample'],
    releaseTags: { ok: true, names: ['api-2026.09.10.12.00.00', 'frontend-2026.09.09.10.00.00', 'catalog-2026.09.01.08.00.00', 'api-2026.09.01.09.00.00'] },
    workflows: [
      { repo: MONOREPO, file: 'tag_docker_image_and_trigger_deployment.yml', document: yamlDocument(RELEASE_WORKFLOW_YAML) },
      { repo: MONOREPO, file: 'ci_cd.yml', document: yamlDocument(CI_YAML) },
      { repo: INFRA, file: 'deploy-staging-api.yml', document: yamlDocument(openverseDeployYaml('api', 'staging')) },
      { repo: INFRA, file: 'deploy-production-api.yml', document: yamlDocument(openverseDeployYaml('api', 'production')) },
      { repo: INFRA, file: 'deploy-production-nuxt.yml', document: yamlDocument(openverseDeployYaml('nuxt', 'production')) },
    ],
    unreadable: [],
  };
}

describe('Create Profile: discovery', () => {
  it('finds Openverse\'s apps from release tags and folders, their environments from the infrastructure\'s workflows, and writes a profile that validates', () => {
    const found = discoverProfile(openverseInput());
    const { document } = found;
    assert.deepEqual(document.apps.map((app) => app.id), ['api', 'catalog', 'frontend']);
    assert.equal(document.releaseWorkflow, 'tag_docker_image_and_trigger_deployment.yml');
    const api = document.apps[0];
    assert.deepEqual(api?.sourceFolders, ['api/']);
    assert.deepEqual(api?.envFiles, ['api/env.template']);
    assert.equal(api?.releaseTags, undefined, 'the date scheme is the default: no releaseTags written');
    assert.deepEqual(api?.environments.map((environment) => environment.id), ['staging', 'production']);
    assert.deepEqual(api?.environments[1]?.deploy, { kind: 'workflow', repo: INFRA, workflow: 'deploy-production-api.yml', tagInput: 'tag', reasonInput: 'run_name', runTitle: 'Deploy {imageTag} to production-api' });
    assert.equal(api?.environments[0]?.deploy.runTitle, undefined, 'staging titles name no tag');
    // "nuxt" names no app: the frontend's workflow is not guessed, it is said.
    assert.equal(document.apps[2]?.environments[0]?.deploy.kind, 'manual');
    assert.ok(found.notes.some((note) => note.path === '$.apps' && note.text.includes('deploy-production-nuxt.yml')), JSON.stringify(found.notes));
    assert.ok(found.notes.some((note) => note.text.includes('website/') && !note.text.includes('documentation')), 'the folders left out are named');
    assert.equal(found.questions.length, 4, 'a /version URL asked per environment');
    const text = jsonWithComments(document, found.notes);
    assert.match(text, /^\/\/ Written by Release Deck's "Create Profile"/);
    assert.match(text, /\n {10}\/\/ Guessed from deploy-production-api\.yml/);
    const parsed = parseProfileText(text);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  });

  it('reads semantic-version tags per app and writes their scheme', () => {
    const found = discoverProfile({
      monorepo: 'acme/shop',
      infrastructureRepo: 'acme/shop',
      folders: ['web', 'api', 'docs'],
      envFiles: [],
      releaseTags: { ok: true, names: ['web@1.4.2', 'api/v2.3.0', 'web@1.4.2-rc.1', 'web@1.4.1', 'api/v2.2.9'] },
      workflows: [
        { repo: 'acme/shop', file: 'deploy-web-production.yml', document: yamlDocument(semverDeployYaml('web', 'production')) },
        { repo: 'acme/shop', file: 'deploy-api-staging.yml', document: yamlDocument(semverDeployYaml('api', 'staging', 'image_tag')) },
      ],
      unreadable: [],
    });
    const [api, web] = found.document.apps;
    assert.equal(web?.id, 'web');
    assert.deepEqual(web?.releaseTags, { git: 'web@{version}', image: 'v{version}' });
    assert.deepEqual(api?.releaseTags, { git: 'api/v{version}', image: 'v{version}' });
    assert.deepEqual(web?.environments[0]?.deploy, { kind: 'workflow', repo: 'acme/shop', workflow: 'deploy-web-production.yml', tagInput: 'version', reasonInput: 'reason', runTitle: 'Deploy web {imageTag} to production by *' });
    assert.equal(api?.environments[0]?.deploy.tagInput, 'image_tag');
    assert.ok(found.notes.some((note) => note.path === '$.apps[1].releaseTags' && /guess/.test(note.text)));
  });

  it('bad input ends in statements in the profile, never a crash: no releases, no workflows, no inputs, bad YAML, an unreadable infrastructure repository', () => {
    const empty = discoverProfile({ monorepo: 'acme/tiny', infrastructureRepo: 'acme/tiny', folders: [], envFiles: [], releaseTags: { ok: true, names: [] }, workflows: [], unreadable: [] });
    assert.deepEqual(empty.document.apps.map((app) => app.id), ['tiny']);
    assert.ok(empty.notes.some((note) => /no GitHub Releases yet/.test(note.text)));
    assert.ok(empty.notes.some((note) => /No GitHub Workflows were found/.test(note.text)));
    const emptyText = parseProfileText(jsonWithComments(empty.document, empty.notes));
    assert.ok(emptyText.ok, JSON.stringify(!emptyText.ok && emptyText.problems));

    const bad = discoverProfile({
      monorepo: 'acme/shop',
      infrastructureRepo: 'acme/shop-infra',
      folders: ['web'],
      envFiles: [],
      releaseTags: { ok: false, why: 'GitHub answered 404' },
      workflows: [
        { repo: 'acme/shop', file: 'docs.yml', document: yamlDocument(NO_INPUTS_YAML) },
        { repo: 'acme/shop', file: 'broken.yml', error: 'it is not valid YAML (Nested mappings are not allowed in compact mappings)' },
      ],
      unreadable: [{ repo: 'acme/shop-infra', why: 'not found, or your token cannot read it' }],
    });
    const texts = bad.notes.map((note) => note.text).join('\n');
    assert.match(texts, /could not be read \(GitHub answered 404\)/);
    assert.match(texts, /docs\.yml in acme\/shop can be dispatched but declares no inputs/);
    assert.match(texts, /broken\.yml in acme\/shop was skipped: it is not valid YAML/);
    assert.match(texts, /The workflows of acme\/shop-infra could not be read/);
    const badText = parseProfileText(jsonWithComments(bad.document, bad.notes));
    assert.ok(badText.ok, JSON.stringify(!badText.ok && badText.problems));
  });
});

describe('release tag scheme detection', () => {
  it('tells the date scheme from semantic versions, per app, and leaves out what fits none', () => {
    const detected = detectTagSchemes(['api-2026.09.10.12.00.00', 'web@v1.2.3', 'worker-v0.9.0', 'Ingestion-Server-1.0.0', 'v1.2.3', 'nightly', '@scope/pkg@1.0.0']);
    assert.deepEqual(detected.apps.map((app) => [app.id, app.scheme, app.gitTemplate]), [
      ['api', 'date', 'api-{date}'],
      ['web', 'semver', 'web@v{version}'],
      ['worker', 'semver', 'worker-v{version}'],
      ['ingestion_server', 'semver', 'Ingestion-Server-{version}'],
    ]);
    assert.deepEqual(detected.unrecognised, ['v1.2.3', 'nightly', '@scope/pkg@1.0.0']);
  });

  it('reads a bounded number of tags, however many there are', () => {
    const tags = Array.from({ length: 5000 }, (_, index) => `web@1.${Math.floor(index / 100)}.${index % 100}`);
    const detected = detectTagSchemes(tags);
    assert.equal(detected.read, MAX_TAGS_READ);
    assert.equal(detected.apps[0]?.count, MAX_TAGS_READ);
  });
});

describe('what a workflow file says about deploying', () => {
  it('finds the tag input, the run title, the environment and the dispatch types', () => {
    const summary = summarizeWorkflow(INFRA, 'deploy-production-api.yml', yamlDocument(openverseDeployYaml('api', 'production')));
    assert.deepEqual(summary.dispatchTypes, ['deploy_production_api']);
    assert.equal(tagInputOf(summary.inputs ?? [])?.key, 'tag');
    assert.equal(runTitleOf(summary.runName, 'tag'), 'Deploy {imageTag} to production-api');
    assert.ok(runNameMentionsTag(summary.runName, 'tag'));
    assert.ok(runNameMentionsTag(summary.runName, 'version'), 'a payload tag counts whatever the input is called');
    assert.ok(!runNameMentionsTag('Deploy by ${{ github.actor }}', 'tag'));
    assert.ok(!runNameMentionsTag(undefined, 'tag'));
    assert.deepEqual(environmentOf(summary), { id: 'production', label: 'Production' });
    const ci = summarizeWorkflow(MONOREPO, 'ci_cd.yml', yamlDocument(CI_YAML));
    assert.equal(ci.inputs, undefined);
    assert.equal(ci.notDispatchable, 'it is not started by workflow_dispatch');
    assert.equal(tagInputOf([{ key: 'ref', required: true, description: 'The Docker tag to ship' }])?.key, 'ref');
    assert.equal(tagInputOf([{ key: 'ref', required: true }]), undefined);
  });

  it('stops on a monorepo it cannot read, with the reason, rather than call it a repository without deployments', () => {
    const sso = 'its organisation enforces SAML single sign-on and this sign-in is not authorized for it';
    assert.equal(monorepoUnreadable('acme/shop', { releaseTags: { ok: true, names: [] }, unreadable: [{ repo: 'ACME/shop', why: sso }] }), sso);
    assert.equal(monorepoUnreadable('acme/shop', { releaseTags: { ok: false, why: 'GitHub answers 404 Not Found' }, unreadable: [] }), 'GitHub answers 404 Not Found');
    assert.equal(monorepoUnreadable('acme/shop', { releaseTags: { ok: true, names: [] }, unreadable: [{ repo: 'acme/shop-infra', why: sso }] }), undefined, 'another repository unreadable is a note, not a stop');
  });

  it('asks again before replacing a profile that appeared or changed during the questions', () => {
    assert.equal(profileChangedMeanwhile(undefined, undefined), false);
    assert.equal(profileChangedMeanwhile(undefined, { mtime: 5, size: 10 }), true, 'created meanwhile');
    assert.equal(profileChangedMeanwhile({ mtime: 5, size: 10 }, { mtime: 6, size: 10 }), true, 'edited meanwhile');
    assert.equal(profileChangedMeanwhile({ mtime: 5, size: 10 }, { mtime: 5, size: 10 }), false, 'the file the person agreed to replace');
    assert.equal(profileChangedMeanwhile({ mtime: 5, size: 10 }, undefined), false, 'deleted meanwhile: nothing to lose');
  });
});
