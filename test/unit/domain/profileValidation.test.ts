import { deckWithoutProfile } from '../../../src/domain/gitRemotes';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openverseProfile, OPENVERSE_PROFILE_DOCUMENT } from '../../../src/domain/openverse';
import { chooseProfile, jsonPathOf, parseProfileText, validateProfile } from '../../../src/domain/profileValidation';
import { extraScopes } from '../../../src/domain/profileQueries';

/** A small profile that is not Openverse, as the README shows. */
export const SHOP_PROFILE = {
  name: 'Acme Shop',
  monorepo: 'acme/shop',
  infrastructureRepo: 'acme/shop-infra',
  releaseWorkflow: 'on-release.yml',
  apps: [
    {
      id: 'web',
      label: 'Web store',
      sourceFolders: ['apps/web'],
      environments: [
        { id: 'staging', label: 'Staging', versionUrl: 'https://staging.shop.example/version', deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web.yml', tagInput: 'image_tag' } },
        { id: 'production', label: 'Production', versionUrl: 'https://shop.example/version', deployedOnPublish: true, deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web-prod.yml', tagInput: 'image_tag', reasonInput: 'reason' } },
      ],
    },
  ],
};

describe('profile', () => {
  it('the built-in Openverse profile passes validation', () => {
    const result = validateProfile(OPENVERSE_PROFILE_DOCUMENT);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const profile = openverseProfile();
    assert.deepEqual(profile.apps.map((app) => app.id), ['api', 'frontend', 'catalog', 'ingestion_server', 'indexer_worker']);
    const apiProduction = profile.apps[0]?.environments[1];
    assert.equal(apiProduction?.production, true);
    assert.equal(apiProduction?.deployedOnPublish, true);
    assert.deepEqual(apiProduction?.deploy, { kind: 'workflow', repo: 'WordPress/openverse-infrastructure', workflow: 'deploy-production-api.yml', tagInput: 'tag' }, 'no ref: the infrastructure repository\'s default branch, read from GitHub');
    assert.equal(profile.apps[4]?.usesReleases, false);
    assert.equal(profile.apps[4]?.environments[0]?.deploy.kind, 'latest');
  });

  it('takes an app\'s registry package, asks read:packages only then, and refuses a malformed one at its path', () => {
    const withRegistry = { ...SHOP_PROFILE, apps: [{ ...SHOP_PROFILE.apps[0], registry: { org: 'acme', package: 'shop-web' } }] };
    const result = validateProfile(withRegistry);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.profile.apps[0]?.registry, { org: 'acme', package: 'shop-web' });
    assert.deepEqual(extraScopes(result.profile), ['read:packages']);
    const plain = validateProfile(SHOP_PROFILE);
    assert.ok(plain.ok);
    assert.deepEqual(extraScopes(plain.profile), []);
    const broken = validateProfile({ ...SHOP_PROFILE, apps: [{ ...SHOP_PROFILE.apps[0], registry: { org: 'acme/x', package: 'shop-web' } }] });
    assert.ok(!broken.ok);
    assert.ok(broken.problems.some((problem) => problem.path === '$.apps[0].registry.org'), JSON.stringify(broken.problems));
  });

  it('applies defaults: git tag prefix from the id, production from the id, no branch assumed', () => {
    const result = validateProfile(SHOP_PROFILE);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const web = result.profile.apps[0];
    assert.equal(web?.gitTagPrefix, 'web-');
    assert.equal(web?.environments[0]?.production, false);
    assert.equal(web?.environments[1]?.production, true);
    assert.deepEqual(web?.sourceFolders, ['apps/web/']);
    const deploy = web?.environments[0]?.deploy;
    assert.equal(deploy?.kind === 'workflow' ? deploy.ref : 'not a workflow', undefined, 'dispatched on the repository\'s default branch');
  });

  it('reports every problem of a broken profile, each with its JSON path', () => {
    const broken = {
      name: '',
      monorepo: 'not a repo',
      apps: [
        {
          id: 'API',
          label: 'API',
          envirnoments: [],
          environments: [{ id: 'staging', label: 'Staging', deploy: { kind: 'workflow', repo: 'acme/shop', workflow: 'deploy.txt' } }],
        },
        { id: 'web', label: 'Web', environments: [{ id: 'production', label: 'Production', deploy: { kind: 'teleport' } }] },
      ],
    };
    const result = validateProfile(broken);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const byPath = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    const expectations: Array<[string, RegExp]> = [
      ['$', /"infrastructureRepo" is required/],
      ['$.name', /must not be empty/],
      ['$.monorepo', /must name a repository as "owner\/name"/],
      ['$.apps[0].id', /must start with a lowercase letter/],
      ['$.apps[0].envirnoments', /not a profile field/],
      ['$.apps[0].environments[0].deploy', /"tagInput" is required/],
      ['$.apps[0].environments[0].deploy.workflow', /must be the file name of a workflow/],
      ['$.apps[1].environments[0].deploy.kind', /must be one of "workflow", "manual", "latest"/],
    ];
    for (const [path, pattern] of expectations) {
      assert.ok(
        byPath.some((line) => line.startsWith(`${path}: `) && pattern.test(line)),
        `expected a problem at ${path} matching ${pattern}; got:\n${byPath.join('\n')}`,
      );
    }
    assert.equal(byPath.filter((line) => line.startsWith('$.apps[1].environments[0].deploy.kind: ')).length, 1, 'an unknown deploy kind is said once');
  });

  it('reads buildPaths (CI\'s path filter) and says what is wrong with them', () => {
    const withPaths = (buildPaths: unknown): ReturnType<typeof validateProfile> => {
      const profile = structuredClone(SHOP_PROFILE) as typeof SHOP_PROFILE & { apps: Array<Record<string, unknown>> };
      const [web] = profile.apps;
      assert.ok(web !== undefined);
      web.buildPaths = buildPaths;
      return validateProfile(profile);
    };
    const fine = withPaths(['apps/web/', 'packages\\ui', 'package.json']);
    assert.ok(fine.ok, JSON.stringify(!fine.ok && fine.problems));
    assert.deepEqual(fine.profile.apps[0]?.buildPaths, ['apps/web/', 'packages/ui', 'package.json']);
    const unset = validateProfile(SHOP_PROFILE);
    assert.ok(unset.ok);
    assert.equal(unset.profile.apps[0]?.buildPaths, undefined, 'unset: the source folders are assumed (buildPaths.ts)');
    const problems = (buildPaths: unknown): string[] => {
      const result = withPaths(buildPaths);
      assert.equal(result.ok, false);
      return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    };
    assert.deepEqual(problems(['packages/**', 'apps/web/', 'apps/web/']), [
      '$.apps[0].buildPaths[0]: "packages/**" is a pattern; name a folder or file (e.g. "packages/"), as GitHub lists commits by path, not by pattern.',
      '$.apps[0].buildPaths[2]: "apps/web/" is named twice.',
    ]);
    assert.match(problems([]).join('\n'), /^\$\.apps\[0\]\.buildPaths: buildPaths names no path, so no change would rebuild the images/);
    assert.match(problems(['../elsewhere']).join('\n'), /buildPaths\[0\]: "\.\.\/elsewhere" leaves the repository/);
  });

  it('reports the problems a schema cannot see', () => {
    const profile = structuredClone(SHOP_PROFILE) as typeof SHOP_PROFILE & { apps: unknown[] };
    profile.apps.push(
      { id: 'web', label: 'Again', environments: [{ id: 'staging', label: 'S', deploy: { kind: 'workflow', repo: 'evil/elsewhere', workflow: 'x.yml', tagInput: 'tag' } }] },
      {
        id: 'jobs',
        label: 'Jobs',
        sourceFolders: ['../outside'],
        environments: [
          { id: 'production', label: 'P', versionUrl: 'http://jobs.example/version', deploy: { kind: 'manual', tool: 'Ansible', steps: [{ title: 'Run', command: 'deploy {tag}' }] } },
          { id: 'production', label: 'P2', deploy: { kind: 'latest' } },
        ],
      },
    );
    const result = validateProfile(profile);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const lines = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    const expectations: Array<[string, RegExp]> = [
      ['$.apps[1].id', /already used by \$\.apps\[0\]/],
      ['$.apps[1].gitTagPrefix', /already used/],
      ['$.apps[1].environments[0].deploy.repo', /only dispatches GitHub Workflows in the repositories the profile declares/],
      ['$.apps[2].sourceFolders[0]', /leaves the workspace folder/],
      ['$.apps[2].environments[0].versionUrl', /must use https/],
      ['$.apps[2].environments[0].deploy.steps[0].command', /\{tag\} is not a known placeholder/],
      ['$.apps[2].environments[1].id', /already used/],
      ['$.apps[2].environments[1].deploy.kind', /usesReleases/],
    ];
    for (const [path, pattern] of expectations) {
      assert.ok(lines.some((line) => line.startsWith(`${path}: `) && pattern.test(line)), `expected ${path} ${pattern}; got:\n${lines.join('\n')}`);
    }
  });

  it('refuses a second environment deployed on publish in one app, at its JSON path: one publish is guarded and followed for one environment', () => {
    const profile = structuredClone(SHOP_PROFILE);
    const staging = profile.apps[0]!.environments[0]! as Record<string, unknown>;
    staging.deployedOnPublish = true;
    const result = validateProfile(profile);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.map((problem) => `${problem.path}: ${problem.message}`), [
      '$.apps[0].environments[1].deployedOnPublish: Publishing a GitHub Release of "web" already deploys $.apps[0].environments[0] ("staging"); Release Deck guards and follows one environment per publish, so only one environment of an app can be deployed on publish.',
    ]);
  });

  it('takes a changelog branch template with {app}, {date} and {gitTag}, any of them any number of times', () => {
    const result = validateProfile({ ...SHOP_PROFILE, changelogBranch: 'changelog/{app}/{date}-{gitTag}/{app}' });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.profile.changelogBranch, 'changelog/{app}/{date}-{gitTag}/{app}');
    const unknown = validateProfile({ ...SHOP_PROFILE, changelogBranch: 'changelog/{version}' });
    assert.ok(!unknown.ok);
    assert.deepEqual(unknown.problems.map((problem) => `${problem.path}: ${problem.message}`), ['$.changelogBranch: {version} is not a known placeholder; use {gitTag}, {app} or {date}.']);
  });

  it('takes release tag templates, with the git tag prefix they imply', () => {
    const document = structuredClone(SHOP_PROFILE) as unknown as { apps: Array<Record<string, unknown>> };
    Object.assign(document.apps[0] ?? {}, { releaseTags: { git: '{app}@{version}', image: 'v{version}' } });
    const result = validateProfile(document);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.profile.apps[0]?.gitTagPrefix, 'web@');
    assert.deepEqual(result.profile.apps[0]?.releaseTags, { git: '{app}@{version}', image: 'v{version}' });
  });

  it('refuses two apps whose git tags overlap whatever the template, and takes apps whose tags only start alike', () => {
    const problemsOf = (web: string, api: string): string[] => {
      const document = structuredClone(SHOP_PROFILE) as unknown as { apps: Array<Record<string, unknown>> };
      const first = document.apps[0] ?? {};
      document.apps = [
        { ...first, id: 'web', releaseTags: { git: web, image: 'sha-{sha7}' } },
        {
          ...first,
          id: 'api',
          label: 'API',
          releaseTags: { git: api, image: 'sha-{sha7}' },
          environments: (first.environments as Array<{ deploy: { workflow?: string } }>).map((environment) => ({ ...environment, deploy: { ...environment.deploy, workflow: `api-${environment.deploy.workflow ?? ''}` } })),
        },
      ];
      const result = validateProfile(document);
      return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    };
    assert.deepEqual(problemsOf('{version}-{app}', '{version}-{app}'), [], '1.2.3-web and 1.2.3-api: the app is at the end, the prefix (none) is the same');
    assert.deepEqual(problemsOf('{app}@{version}', '{app}/v{version}'), []);
    assert.deepEqual(problemsOf('{version}', '{version}-{app}'), ['$.apps[1].releaseTags.git: The git tags of this app ("{version}-api") and of $.apps[0] ("{version}") overlap: "1.2.3-api" would be a release of both; each app needs tags of its own.']);
    assert.deepEqual(problemsOf('release-{version}', 'release-{version}'), ['$.apps[1].releaseTags.git: The git tags "release-{version}" are already used by $.apps[0]; each app needs its own.']);
    assert.deepEqual(problemsOf('{app}-{date}', 'web-{date}').map((line) => line.replace(/:.*/, '')), ['$.apps[1].releaseTags.git'], 'the same tags written two ways');
    assert.deepEqual(problemsOf('web-{date}', 'web-{version}'), [], 'a date is never a semantic version');
  });

  it('refuses invalid release tag templates at their JSON paths, with the reason', () => {
    const problemsOf = (releaseTags: unknown, extra: Record<string, unknown> = {}): Array<{ path: string; message: string }> => {
      const document = structuredClone(SHOP_PROFILE) as unknown as { apps: Array<Record<string, unknown>> };
      Object.assign(document.apps[0] ?? {}, { releaseTags, ...extra });
      const result = validateProfile(document);
      return result.ok ? [] : [...result.problems];
    };
    assert.deepEqual(problemsOf({ git: '{app}@{semver}', image: '{version}' }).map((problem) => problem.path), ['$.apps[0].releaseTags.git']);
    assert.match(problemsOf({ git: '{app}@{semver}', image: '{version}' })[0]?.message ?? '', /\{semver\} is not a placeholder of git tags/);
    const imageUnderivable = 'The git tags hold {version}, so the default image tag rel-{date} cannot be derived from them; set "image", e.g. "{version}" or "sha-{sha7}".';
    assert.deepEqual(problemsOf({ git: '{app}@{version}' }), [{ path: '$.apps[0].releaseTags.image', message: imageUnderivable, said: imageUnderivable }], 'said in English without a language');
    assert.deepEqual(problemsOf({ git: '{app}@{version}', image: '{app}@{version}' }).map((problem) => problem.path), ['$.apps[0].releaseTags.image']);
    assert.deepEqual(problemsOf({ git: '{app}@{version}', image: '{version}' }, { gitTagPrefix: 'web-' }).map((problem) => problem.path), ['$.apps[0].gitTagPrefix']);
    assert.deepEqual(problemsOf({ git: '{app}@{version}', image: '{version}', sha: '{sha}' }).map((problem) => problem.path), ['$.apps[0].releaseTags.sha']);
    assert.deepEqual(problemsOf({ git: '' }).map((problem) => problem.path), ['$.apps[0].releaseTags.git']);
  });

  it('explains a file that is not JSON', () => {
    const result = parseProfileText('{ "name": "x", }');
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.problems[0]?.path, '$');
      assert.match(result.problems[0]?.message ?? '', /not valid JSON/);
    }
  });

  it('reads comments in the file (JSONC, as the editor shows it), still refusing trailing commas', () => {
    const text = `// Written by Create Profile\n{\n  /* guessed */ "name": "Shop",\n  "monorepo": "acme/shop", // the checkout's remote\n  "infrastructureRepo": "acme/shop-infra",\n  "releaseWorkflow": "on-release.yml",\n  "apps": ${JSON.stringify(SHOP_PROFILE.apps)}\n}\n`;
    const result = parseProfileText(text);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.profile.monorepo, 'acme/shop');
    const trailing = parseProfileText('{ "name": "x", // a comment\n }');
    assert.equal(trailing.ok, false);
    if (!trailing.ok) {
      assert.match(trailing.problems[0]?.message ?? '', /not valid JSON/);
    }
  });

  it('allows plain http only for this machine', () => {
    const local = structuredClone(SHOP_PROFILE);
    local.apps[0]!.environments[0]!.versionUrl = 'http://127.0.0.1:4000/version';
    assert.ok(validateProfile(local).ok);
  });

  it('turns JSON pointers into JSON paths', () => {
    assert.equal(jsonPathOf(''), '$');
    assert.equal(jsonPathOf('/apps/3/environments/0/id'), '$.apps[3].environments[0].id');
  });

  it('the committed validator matches the schema', () => {
    // The generator exits non-zero when src/domain/generated is stale.
    execFileSync(process.execPath, ['scripts/generate-profile-validator.mjs', '--check'], { stdio: 'pipe' });
    const schema = JSON.parse(readFileSync('schemas/profile.schema.json', 'utf8')) as { required: string[] };
    assert.deepEqual(schema.required, ['name', 'monorepo', 'infrastructureRepo', 'apps']);
  });
});

describe('which profile is in force', () => {
  const shopText = JSON.stringify(SHOP_PROFILE);
  const openverseCheckout = deckWithoutProfile({ folders: 1, remotes: [{ host: 'github.com', owner: 'WordPress', name: 'openverse' }], openverseChosen: false });
  const shopCheckout = deckWithoutProfile({ folders: 1, remotes: [{ host: 'github.com', owner: 'acme', name: 'shop' }], openverseChosen: false });

  it('uses the built-in profile in a checkout of WordPress/openverse without a profile file', () => {
    assert.deepEqual(chooseProfile({ fileText: undefined, trusted: true, withoutFile: openverseCheckout }), { kind: 'builtIn', ignoredBecauseUntrusted: false, because: 'remote' });
  });

  it('never uses Openverse\'s profile in another repository without a profile file: none, naming the repository', () => {
    assert.deepEqual(chooseProfile({ fileText: undefined, trusted: true, withoutFile: shopCheckout }), { kind: 'none', ignoredBecauseUntrusted: false, because: 'otherRepository', repository: 'acme/shop' });
  });

  it('uses the workspace profile file in a trusted workspace', () => {
    const choice = chooseProfile({ fileText: shopText, trusted: true, withoutFile: openverseCheckout });
    assert.equal(choice.kind, 'workspace');
    assert.equal(choice.kind === 'workspace' ? choice.profile.monorepo : '', 'acme/shop');
  });

  it('ignores the workspace profile file in an untrusted workspace, whatever it says; the remotes decide', () => {
    assert.deepEqual(chooseProfile({ fileText: shopText, trusted: false, withoutFile: openverseCheckout }), { kind: 'builtIn', ignoredBecauseUntrusted: true, because: 'remote' });
    assert.deepEqual(chooseProfile({ fileText: '{ broken', trusted: false, withoutFile: openverseCheckout }), { kind: 'builtIn', ignoredBecauseUntrusted: true, because: 'remote' });
    assert.deepEqual(chooseProfile({ fileText: shopText, trusted: false, withoutFile: shopCheckout }), { kind: 'none', ignoredBecauseUntrusted: true, because: 'otherRepository', repository: 'acme/shop' });
  });

  it('reports a broken file of a trusted workspace instead of falling back silently', () => {
    assert.equal(chooseProfile({ fileText: '{ broken', trusted: true, withoutFile: openverseCheckout }).kind, 'broken');
  });
});
