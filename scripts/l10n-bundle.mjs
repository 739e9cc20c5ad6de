// Writes l10n/bundle.l10n.json: every English text the code passes to `l10n.t('…')` (vscode.l10n or the
// pure modules' L10n parameter), the keys each language's l10n/bundle.l10n.<language>.json translates.
//   node scripts/l10n-bundle.mjs
// test/unit/l10n/bundle.test.ts fails when this file is stale or a translation is missing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The texts of `l10n.t('…')` calls in TypeScript source: plain '…', "…" or `…` literals without ${}. */
export function textsIn(source) {
  const texts = [];
  const call = /\bl10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;
  for (const match of source.matchAll(call)) {
    const literal = match[1];
    texts.push(new Function(`return ${literal};`)()); // a string literal of our own source, evaluated to its value
  }
  return texts;
}

/** Every text of src/, sorted, as the English bundle. */
export function englishBundle(dir = join(root, 'src')) {
  const bundle = {};
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) for (const text of textsIn(readFileSync(path, 'utf8'))) bundle[text] = text;
    }
  };
  walk(dir);
  return Object.fromEntries(Object.keys(bundle).sort().map((text) => [text, text]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = englishBundle();
  writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`${Object.keys(bundle).length} texts in l10n/bundle.l10n.json`);
}
