import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

/** The schema's own pattern for a repository (owner/name): what the editor's completion and the validator check. */
function repositoryPattern(): RegExp {
  const schema = JSON.parse(readFileSync(new URL('../../../schemas/profile.schema.json', import.meta.url), 'utf8')) as { definitions: { repository: { pattern: string } } };
  return new RegExp(schema.definitions.repository.pattern, 'u');
}

describe('a repository the profile names (owner/name)', () => {
  it('refuses "." and ".." as owner or name (they would change the API address), and nothing else GitHub allows', () => {
    const pattern = repositoryPattern();
    for (const refused of ['a/..', 'a/.', '../b', './b', '../..', 'a/b/c', 'a', 'a/b c']) {
      assert.equal(pattern.test(refused), false, refused);
    }
    for (const accepted of ['WordPress/openverse', 'a.b/.github', 'acme/...', '..a/b..', 'a-b_c/d.e']) {
      assert.equal(pattern.test(accepted), true, accepted);
    }
  });
});
