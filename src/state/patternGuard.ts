import { createContext, Script } from 'node:vm';
import type { PatternCapture } from '../domain/facts';
import { recordPatternProblem, RECORD_TEXT_LIMIT } from '../domain/recordedVersion';

/**
 * Runs a profile's `recordedIn.pattern` on the texts a refresh read, never unguarded: the static check
 * (patternSafety.ts) refuses the usual catastrophic shapes, but no reading of a pattern's text proves it
 * fast, and a JavaScript regular expression cannot be interrupted in the extension host's own context
 * (it would freeze every extension). In a `node:vm` context with a `timeout`, V8 stops it after the limit
 * (ERR_SCRIPT_EXECUTION_TIMEOUT). One context serves every run; after one timeout the pattern is not tried
 * on the remaining texts of that call (each would cost the full limit).
 */

/** How long one text may take: a tag near the top of a small file is found in well under a millisecond. */
export const PATTERN_TIME_LIMIT_MS = 100;

const context = createContext({});
const script = new Script('(() => { const found = new RegExp(pattern, "m").exec(text); return found === null ? undefined : String(found[1] ?? ""); })()');

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** What `pattern` captures in each text (in order), each run stopped after `limitMs`. A refused pattern is not run. */
export function captureAll(pattern: string, texts: readonly string[], limitMs = PATTERN_TIME_LIMIT_MS): PatternCapture[] {
  const refused = recordPatternProblem(pattern) !== undefined;
  let timedOut = false;
  return texts.map((text): PatternCapture => {
    const cut = text.length > RECORD_TEXT_LIMIT ? { cut: true as const } : {};
    if (refused) {
      return cut;
    }
    if (timedOut) {
      return { ...cut, timedOut: true };
    }
    Object.assign(context, { pattern, text: text.slice(0, RECORD_TEXT_LIMIT) });
    try {
      const captured: unknown = script.runInContext(context, { timeout: limitMs });
      return typeof captured === 'string' ? { ...cut, captured: captured.trim() } : cut;
    } catch (error) {
      if (!isTimeout(error)) {
        return cut;
      }
      timedOut = true;
      return { ...cut, timedOut: true };
    } finally {
      Object.assign(context, { pattern: undefined, text: undefined });
    }
  });
}

/** What `pattern` captures in one text, stopped after `limitMs`. */
export function captureIn(text: string, pattern: string, limitMs = PATTERN_TIME_LIMIT_MS): PatternCapture {
  return captureAll(pattern, [text], limitMs)[0] ?? {};
}
