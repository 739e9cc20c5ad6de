import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ES module script without types
import { externalise } from '../../../scripts/l10n-manifest.mjs';

const root = join(__dirname, '..', '..', '..');
const read = (name: string): string => readFileSync(join(root, name), 'utf8');
const manifestText = read('package.json');
const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
const german = JSON.parse(read('package.nls.de.json')) as Record<string, string>;
const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1] as string));

/** The command links of a markdown text ("[Open Profile](command:releaseDeck.openProfile)" → the command). */
const links = (text: string): string[] => [...text.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] as string).sort();

describe('the manifest in every language', () => {
  it('has no user-facing plain English left in package.json (node scripts/l10n-manifest.mjs moves new strings)', () => {
    const { english: left } = (externalise as (text: string) => { english: Record<string, string> })(manifestText);
    assert.deepEqual(Object.keys(left), []);
  });

  it('finds every %key% of package.json in English and German, and no key that package.json does not use', () => {
    for (const [name, bundle] of [['package.nls.json', english], ['package.nls.de.json', german]] as const) {
      assert.deepEqual([...used].filter((key) => bundle[key] === undefined), [], `missing in ${name}`);
      assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), [], `unused in ${name}`);
    }
  });

  it('keeps the command links and setting names of each English text in its German text', () => {
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(links(german[key] ?? ''), links(text), key);
      for (const code of text.match(/`[^`]+`/g) ?? []) assert.ok(german[key]?.includes(code), `${key} loses ${code}`);
    }
  });

  it('says what really happens in virtual and untrusted workspaces (the profile file is read through the editor; Openverse only for its checkout)', () => {
    const virtual = english['capabilities.virtualWorkspaces.description'] ?? '';
    assert.match(virtual, /profile file is read/);
    assert.doesNotMatch(virtual, /not read/);
    const untrusted = english['capabilities.untrustedWorkspaces.description'] ?? '';
    assert.match(untrusted, /ignores the workspace's profile file/);
    assert.doesNotMatch(untrusted, /uses the built-in Openverse profile\./, 'the built-in profile is used only in an Openverse checkout or when chosen');
  });
});
