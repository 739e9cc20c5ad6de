import { english, type L10n } from './l10n';
import type { ProfileProblem } from './profileTypes';

/**
 * The words of a profile problem in a given language; undefined when there is no problem. Each check
 * writes its text once (an l10n.t call) and is said twice: in English for the log and in the
 * person's language for the Problems panel, from one reading of the file.
 */
export type ProblemWords = (l10n: L10n) => string | undefined;

/** The problem at `path` in English (`message`) and in `l10n`'s language (`said`). */
export function problemAt(path: string, words: (l10n: L10n) => string, l10n: L10n = english): ProfileProblem {
  const message = words(english);
  return { path, message, said: l10n === english ? message : words(l10n) };
}

/** A list the checks add their problems to, in the order found; words that find no problem add none. */
export function problemCollector(l10n: L10n = english): { readonly problems: ProfileProblem[]; readonly add: (path: string, words: ProblemWords) => void } {
  const problems: ProfileProblem[] = [];
  return {
    problems,
    add: (path, words) => {
      const message = words(english);
      if (message !== undefined) {
        problems.push({ path, message, said: l10n === english ? message : (words(l10n) ?? message) });
      }
    },
  };
}
