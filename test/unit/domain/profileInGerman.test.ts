import { strict as assert } from 'node:assert';
import { chooseProfile, parseProfileText } from '../../../src/domain/profileValidation';
import type { ProfileProblem } from '../../../src/domain/profileTypes';
import { gitTagPrefixProblem } from '../../../src/domain/tags';
import { germanL10n } from '../l10n/german';
import { SHOP_PROFILE } from './profileValidation.test';

/** The Problems panel's words (`said`) and the log's (`message`) for a profile file, read in German. */
function problemsOf(text: string): readonly ProfileProblem[] {
  const validation = parseProfileText(text, germanL10n());
  assert.equal(validation.ok, false, 'the profile is refused');
  return validation.ok ? [] : validation.problems;
}

/** The shop profile with `change` applied to a copy of it, as file text. */
function shopWith(change: (profile: { apps: Array<Record<string, unknown>> } & Record<string, unknown>) => void): string {
  const profile = structuredClone(SHOP_PROFILE) as unknown as { apps: Array<Record<string, unknown>> } & Record<string, unknown>;
  change(profile);
  return JSON.stringify(profile, null, 2);
}

function app(profile: { apps: Array<Record<string, unknown>> }): Record<string, unknown> {
  const first = profile.apps[0];
  assert.ok(first);
  return first;
}

function environment(profile: { apps: Array<Record<string, unknown>> }, index: number): Record<string, unknown> {
  const found = (app(profile).environments as Array<Record<string, unknown>>)[index];
  assert.ok(found);
  return found;
}

/** Asserts a problem at `path` said in German as `german`, and in English as `english` for the log. */
function assertSaid(problems: readonly ProfileProblem[], path: string, german: RegExp, englishWords: RegExp): void {
  const problem = problems.find((each) => each.path === path && german.test(each.said));
  assert.ok(problem, `a German problem at ${path} matching ${german}; got:\n${problems.map((each) => `${each.path}: ${each.said}`).join('\n')}`);
  assert.match(problem.message, englishWords, 'the log keeps English');
}

describe('the profile file\'s problems in German (the Problems panel), English in the log', () => {
  it('a file that is not JSON', () => {
    assertSaid(problemsOf('{ "name": "Acme", }'), '$', /^Die Datei ist kein gültiges JSON: \w+ in Zeile 1\.$/, /^The file is not valid JSON: \w+ at line 1\.$/);
  });

  it('what the schema refuses: a missing field, a misspelt one, a value outside the list, the wrong type, an empty text, an empty list', () => {
    const problems = problemsOf(
      shopWith((profile) => {
        delete profile.infrastructureRepo;
        profile.name = '';
        Object.assign(app(profile), { envirnoments: [], usesReleases: 'yes' });
        Object.assign(environment(profile, 0), { deploy: { kind: 'helm' } });
        Object.assign(environment(profile, 1).deploy as object, { runEvents: [] });
      }),
    );
    assertSaid(problems, '$', /^"infrastructureRepo" ist hier erforderlich\.$/, /is required here/);
    assertSaid(problems, '$.name', /^darf nicht leer sein\.$/, /^must not be empty\.$/);
    assertSaid(problems, '$.apps[0].envirnoments', /^"envirnoments" ist hier kein Feld des Profils \(prüfen Sie die Schreibweise\)\.$/, /not a profile field/);
    assertSaid(problems, '$.apps[0].usesReleases', /^muss true oder false sein\.$/, /^must be true or false\.$/);
    assertSaid(problems, '$.apps[0].environments[1].deploy.runEvents', /^muss mindestens einen Eintrag enthalten\.$/, /at least one item/);
    assertSaid(problems, '$.apps[0].environments[0].deploy.kind', /^muss einer dieser Werte sein: "workflow", "manual", "latest"\.$/, /must be one of/);
    for (const problem of problems) {
      assert.doesNotMatch(problem.said, /must|NOT/, `no English (nor Ajv's words) in ${problem.path}: ${problem.said}`);
    }
  });

  it('every other keyword the generated validator emits, in a sentence of its own', () => {
    const problems = problemsOf(
      shopWith((profile) => {
        profile.monorepo = 5;
        Object.assign(app(profile), { label: 'x'.repeat(61), sourceFolders: 'apps/web' });
        Object.assign(environment(profile, 0), { deploy: 'deploy-web.yml' });
        Object.assign(environment(profile, 1).deploy as object, { runEvents: ['push', 'push', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] });
      }),
    );
    assertSaid(problems, '$.monorepo', /^muss Text sein \(ein JSON-String\)\.$/, /^must be text/);
    assertSaid(problems, '$.apps[0].label', /^darf höchstens 60 Zeichen lang sein\.$/, /^must be at most 60 characters long\.$/);
    assertSaid(problems, '$.apps[0].sourceFolders', /^muss eine Liste sein \(ein JSON-Array\)\.$/, /^must be a list/);
    assertSaid(problems, '$.apps[0].environments[0].deploy', /^muss ein Objekt sein/, /^must be an object/);
    assertSaid(problems, '$.apps[0].environments[1].deploy.runEvents', /^darf höchstens 10 Einträge enthalten\.$/, /^must list at most 10 items\.$/);
    assertSaid(problems, '$.apps[0].environments[1].deploy.runEvents', /^enthält denselben Wert zweimal \(\[0\] und \[1\]\); entfernen Sie einen\.$/, /^lists the same value twice/);
  });

  it('what only the semantic checks see: a repeated id, an unknown placeholder, a path leaving the workspace', () => {
    const problems = problemsOf(
      shopWith((profile) => {
        profile.changelogBranch = 'changelog/{version}';
        Object.assign(environment(profile, 1), { id: 'staging' });
        Object.assign(app(profile), { sourceFolders: ['../elsewhere'] });
      }),
    );
    assertSaid(problems, '$.changelogBranch', /^\{version\} ist kein bekannter Platzhalter; verwenden Sie \{gitTag\}, \{app\} oder \{date\}\.$/, /is not a known placeholder/);
    assertSaid(problems, '$.apps[0].environments[1].id', /^Die Umgebungs-ID "staging" wird bereits von \$\.apps\[0\]\.environments\[0\] verwendet\.$/, /is already used by \$\.apps\[0\]\.environments\[0\]/);
    assertSaid(problems, '$.apps[0].sourceFolders[0]', /^"\.\.\/elsewhere\/?" führt aus dem Arbeitsbereichsordner hinaus/, /leaves the workspace folder/);
  });

  it('the hazards: a command with a control character, a reserved input name', () => {
    const problems = problemsOf(
      shopWith((profile) => {
        Object.assign(environment(profile, 0), { deploy: { kind: 'workflow', repo: 'acme/shop-infra', workflow: 'deploy-web.yml', tagInput: '__proto__' } });
      }),
    );
    assertSaid(problems, '$.apps[0].environments[0].deploy.tagInput', /^"__proto__" ist ein Name, den JavaScript-Objekte reservieren/, /is a name JavaScript objects reserve/);
    const command = problemsOf(
      shopWith((profile) => {
        Object.assign(environment(profile, 0), { deploy: { kind: 'manual', tool: 'Ansible', steps: [{ title: 'Run', command: 'just deploy\nrm -rf /' }] } });
      }),
    );
    assertSaid(command, '$.apps[0].environments[0].deploy.steps[0].command', /^Der Befehl enthält ein Steuerzeichen/, /^The command contains a control character/);
  });

  it('nesting too deep, and a key written twice', () => {
    assertSaid(problemsOf(`{"name": ${'['.repeat(40)}${']'.repeat(40)}}`), `$.name${'[0]'.repeat(15)}`, /^Die Datei ist hier mehr als 16 Ebenen tief verschachtelt/, /nested more than 16 levels deep/);
    const twice = JSON.stringify(SHOP_PROFILE).replace('"name":"Acme Shop"', '"name":"Acme Shop","name":"Acme"');
    assertSaid(problemsOf(twice), '$.name', /^"name" steht zweimal in diesem Objekt; JSON behält nur das letzte/, /is written twice in this object/);
  });

  it('a URL that is not https, a git tag prefix and a tag template that cannot be', () => {
    const problems = problemsOf(
      shopWith((profile) => {
        Object.assign(environment(profile, 0), { versionUrl: 'http://staging.shop.example/version' });
      }),
    );
    assertSaid(problems, '$.apps[0].environments[0].versionUrl', /^"http:\/\/staging\.shop\.example\/version" muss https verwenden \(einfaches http wird nur für localhost akzeptiert\)\.$/, /must use https/);
    // The schema's pattern refuses a prefix before the semantic check would; that check still speaks German.
    assertSaid(problemsOf(shopWith((profile) => Object.assign(app(profile), { gitTagPrefix: 'Web' }))), '$.apps[0].gitTagPrefix', /^muss mit einem Kleinbuchstaben beginnen, .* und muss mit „-“ enden, z\. B\. „api-“\.$/, /end with "-", e\.g\. "api-"/);
    assert.equal(gitTagPrefixProblem('Web', germanL10n()), '"Web" ist kein Git-Tag-Präfix: erwartet werden Kleinbuchstaben, Ziffern oder "_", gefolgt von "-", z. B. "api-".');
    const scheme = problemsOf(shopWith((profile) => Object.assign(app(profile), { releaseTags: { git: '{app}@{semver}', image: '{version}' } })));
    assertSaid(scheme, '$.apps[0].releaseTags.git', /^\{semver\} ist kein Platzhalter von Git-Tags; verwenden Sie \{app\} und einen von \{date\}, \{version\}\.$/, /is not a placeholder of git tags/);
  });

  it('says English when no language is given, and in chooseProfile as in the file', () => {
    const text = shopWith((profile) => {
      profile.name = '';
    });
    const validation = parseProfileText(text);
    assert.deepEqual(validation.ok ? [] : validation.problems, [{ path: '$.name', message: 'must not be empty.', said: 'must not be empty.' }]);
    const choice = chooseProfile({ fileText: text, trusted: true, withoutFile: { kind: 'openverse', because: 'chosen' } }, germanL10n());
    assert.deepEqual(choice.kind === 'broken' ? choice.problems : [], [{ path: '$.name', message: 'must not be empty.', said: 'darf nicht leer sein.' }]);
  });
});
