import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ES module script without types
import { englishBundle, textsIn } from '../../../scripts/l10n-bundle.mjs';

const root = join(__dirname, '..', '..', '..');
const read = (name: string): Record<string, string> => JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, string>;
const placeholders = (text: string): string[] => (text.match(/\{\d+\}|\$\([a-z-~]+\)|`[^`]+`/g) ?? []).sort();

describe('the messages in every language', () => {
  const inCode = (englishBundle as () => Record<string, string>)();

  it('finds the texts of l10n.t calls, over several lines too, and not texts built with ${}', () => {
    const found = (textsIn as (source: string) => string[])("vscode.l10n.t('A {0}.', x); l10n.t(\n  \"B's\",\n); vscode.l10n.t(`C ${'$'}{y}`); t('D');");
    assert.deepEqual(found, ['A {0}.', "B's"]);
  });

  it('has every text the code translates in l10n/bundle.l10n.json (node scripts/l10n-bundle.mjs writes it)', () => {
    assert.deepEqual(read('l10n/bundle.l10n.json'), inCode);
  });

  it('translates every text into German, with the same placeholders, and nothing the code does not use', () => {
    const german = read('l10n/bundle.l10n.de.json');
    assert.deepEqual(Object.keys(inCode).filter((text) => german[text] === undefined), [], 'missing in l10n/bundle.l10n.de.json');
    assert.deepEqual(Object.keys(german).filter((text) => inCode[text] === undefined), [], 'unused in l10n/bundle.l10n.de.json');
    for (const [text, translation] of Object.entries(german)) {
      assert.deepEqual(placeholders(translation), placeholders(text), text);
    }
  });

  it('says where the bundles are (package.json "l10n"), and ships them', () => {
    const manifest = read('package.json') as unknown as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!l10n\/\*\.json$/m);
    assert.match(ignore, /^!package\.nls\*\.json$/m);
  });
});
