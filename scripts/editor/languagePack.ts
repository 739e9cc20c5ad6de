import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for a VS Code language pack, so that an editor started with `--locale <language>` runs in that
 * display language without the network. VS Code (and code-server, whose `--locale` sets the same thing) only
 * switches to a language for which an installed extension contributes `localizations`; otherwise it falls back
 * to English and `vscode.env.language` stays `en`. This pack translates none of the editor's own words (its
 * translation file is empty, so the workbench keeps English for them); what it makes real is the language
 * itself: extensions get their `package.nls.<language>.json` and `l10n/bundle.l10n.<language>.json`, as for a
 * person with the Marketplace's language pack (e.g. MS-CEINTL.vscode-language-pack-de) installed.
 * The server reads the installed packs from `languagepacks.json` in the user-data folder when it serves the
 * workbench page, and writes that file itself only once it has scanned the extensions (after the first page,
 * too late), so the file is written here as the server would write it.
 * Returns the pack's folder, to be recorded as an installed extension (loading.ts, linkedExtensionsManifest).
 */
export function writeLanguagePack(parent: string, userDataDir: string, language: string): string {
  const folder = join(parent, `release-deck-tests.language-pack-${language}`);
  mkdirSync(join(folder, 'translations'), { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: `language-pack-${language}`,
      publisher: 'release-deck-tests',
      version: '0.0.1',
      engines: { vscode: '*' },
      contributes: {
        localizations: [{ languageId: language, languageName: language, localizedLanguageName: language, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
      },
    }),
  );
  const translations = join(folder, 'translations', 'main.i18n.json');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [language]: {
        hash: `release-deck-tests-${language}`,
        extensions: [{ extensionIdentifier: { id: `release-deck-tests.language-pack-${language}` }, version: '0.0.1' }],
        translations: { vscode: translations },
        label: language,
      },
    }),
  );
  return folder;
}
