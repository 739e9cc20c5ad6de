import * as vscode from 'vscode';
import { describeError, type Language } from './github/errors';

/** The person's language: the editor's display language and its words (l10n/bundle.l10n.<language>.json). */
export function userLanguage(): Language {
  return { l10n: vscode.l10n, locale: vscode.env.language };
}

/** An error in the person's language, for messages (the log keeps describeError's English). */
export function errorWords(error: unknown): string {
  return describeError(error, userLanguage());
}
