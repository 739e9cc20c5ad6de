import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { english, type L10n } from '../../../src/domain/l10n';
import type { Language } from '../../../src/github/errors';

/** The German bundle as the editor's vscode.l10n uses it: the translation, else the English text. */
export function germanL10n(): L10n {
  const texts = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  return { t: (message, ...args) => english.t(texts[message] ?? message, ...args) };
}

/** German words and German dates, as in an editor whose display language is German. */
export const GERMAN: Language = { l10n: germanL10n(), locale: 'de' };
