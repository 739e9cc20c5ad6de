import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_CONTROL_CHARACTERS_PATTERN } from '../../../src/domain/profileHazards';
import { patternSentence } from '../../../src/domain/profilePatterns';
import { parseProfileText } from '../../../src/domain/profileValidation';
import { germanL10n } from '../l10n/german';
import { SHOP_PROFILE } from './profileValidation.test';

/** Every `"pattern": "…"` text of the profile's JSON schema (a property named pattern holds a schema, not a text). */
function schemaPatterns(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    node.forEach((item) => schemaPatterns(item, found));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') {
        found.add(value);
      } else {
        schemaPatterns(value, found);
      }
    }
  }
  return found;
}

function firstProblem(change: (app: Record<string, unknown>) => void, path: string): { message: string; said: string } {
  const profile = structuredClone(SHOP_PROFILE) as unknown as { apps: Array<Record<string, unknown>> };
  const app = profile.apps[0];
  assert.ok(app);
  change(app);
  const validation = parseProfileText(JSON.stringify(profile), germanL10n());
  assert.equal(validation.ok, false);
  const problem = validation.ok ? undefined : validation.problems.find((each) => each.path === path);
  assert.ok(problem, `a problem at ${path}`);
  return problem;
}

describe('what the profile schema\'s patterns ask for, in words', () => {
  it('has a sentence for every pattern the schema uses', () => {
    const schema: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'profile.schema.json'), 'utf8'));
    const patterns = [...schemaPatterns(schema)].filter((pattern) => pattern !== NO_CONTROL_CHARACTERS_PATTERN);
    assert.ok(patterns.length >= 10, `the schema's patterns were found (${patterns.length})`);
    assert.deepEqual(patterns.filter((pattern) => patternSentence(pattern) === undefined), [], 'patterns without a sentence');
  });

  it('tells a person what an app id must look like, not a regular expression, in their language and in English for the log', () => {
    const problem = firstProblem((app) => {
      app.id = 'Web App';
    }, '$.apps[0].id');
    assert.equal(problem.message, 'must start with a lowercase letter and hold only lowercase letters, digits and "_", e.g. "ingestion_server".');
    assert.match(problem.said, /^muss mit einem Kleinbuchstaben beginnen/);
    assert.doesNotMatch(problem.said, /\^|\[a-z\]/, 'no regular expression');
  });

  it('says what a git tag prefix must look like', () => {
    const problem = firstProblem((app) => {
      delete app.releaseTags;
      app.gitTagPrefix = 'web';
    }, '$.apps[0].gitTagPrefix');
    assert.match(problem.message, /end with "-", e\.g\. "api-"/);
  });
});
