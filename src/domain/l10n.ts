/**
 * The translation function of code that cannot import vscode (pure modules and their unit tests).
 * Callers in the extension pass `vscode.l10n`, whose `t` looks the English text up in the bundle of the
 * editor's display language (l10n/bundle.l10n.<language>.json); `english` fills the placeholders only.
 * Texts go through a call spelled l10n.t with a literal text, so that scripts/l10n-bundle.mjs finds them.
 */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** The English texts with `{0}`, `{1}`… replaced by the arguments, as vscode.l10n.t does. */
export const english: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] !== undefined ? String(args[Number(index)]) : whole)),
};

/**
 * A text that may be said in more than one language: plain (English, or words that have no translation,
 * such as GitHub's own), or words per language (as `ErrorContext.action`, src/github/errors.ts). Facts keep
 * it so the person reads it in their language and the log in English, from one reading.
 */
export type Words = string | ((l10n: L10n) => string);

/** `words` in `l10n`'s language (English without it). */
export function say(words: Words, l10n: L10n = english): string {
  return typeof words === 'string' ? words : words(l10n);
}
