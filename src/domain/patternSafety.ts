import { english, type L10n } from './l10n';

/**
 * Refuses regular expressions that can backtrack catastrophically: JavaScript's engine tries every way a
 * repeated group can split the text, so a group repeated without bound that can itself match in many ways
 * ((a+)+, (a*)*, (a|a)*) takes exponential time on text that almost matches, and the extension host stops
 * answering. A group repeated a bounded number of times ({1,20}, {12}) tries as many splits: it counts as
 * repeated too. So do two or more "any character" runs (.*, .+): (.*)(.*)(.*)Z tries every way to cut a long
 * line in three. A conservative reading of the pattern's text, not a proof: it may refuse a harmless pattern,
 * which the message tells how to rewrite.
 */

interface Group {
  readonly start: number;
  /** Holds a quantifier without upper bound (*, +, {n,}), directly or in a nested group. */
  unbounded: boolean;
  /** The first atom of each alternative, as written ('' for an alternative not started yet). */
  readonly firsts: string[];
}

/** A class, an escape or a character: the atom that starts at `index`, as written. */
function atomAt(pattern: string, index: number): string {
  const char = pattern[index];
  if (char === '\\') {
    return pattern.slice(index, index + 2);
  }
  if (char === '[') {
    let end = index + 1;
    if (pattern[end] === '^') {
      end += 1;
    }
    end += 1; // A ']' first in a class is a character of it.
    while (end < pattern.length && pattern[end] !== ']') {
      end += pattern[end] === '\\' ? 2 : 1;
    }
    return pattern.slice(index, end + 1);
  }
  return char ?? '';
}

/** The length of a quantifier at `index` (0 when none), whether it has no upper bound, and whether it repeats (upper bound over 1). */
function quantifierAt(pattern: string, index: number): { readonly length: number; readonly unbounded: boolean; readonly repeats: boolean } {
  const char = pattern[index];
  const lazy = (length: number): number => (pattern[index + length] === '?' ? length + 1 : length);
  if (char === '*' || char === '+') {
    return { length: lazy(1), unbounded: true, repeats: true };
  }
  if (char === '?') {
    return { length: lazy(1), unbounded: false, repeats: false };
  }
  const braces = char === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index)) : null;
  if (braces !== null) {
    const unbounded = braces[2] !== undefined && braces[3] === '';
    const upper = Number(braces[2] === undefined ? braces[1] : braces[3]);
    return { length: lazy(braces[0].length), unbounded, repeats: unbounded || upper > 1 };
  }
  return { length: 0, unbounded: false, repeats: false };
}

/** A single character an atom stands for, when it is one (a letter, or an escaped punctuation mark). */
function literalOf(atom: string): string | undefined {
  if (atom.length === 1 && atom !== '.') {
    return atom;
  }
  return /^\\[^A-Za-z0-9]$/.test(atom) ? atom.slice(1) : undefined;
}

/** Whether two alternatives may start with the same character (any class or escape is taken to overlap another). */
function mayOverlap(first: string, second: string): boolean {
  if (first === '' || second === '') {
    return false;
  }
  const [a, b] = [literalOf(first), literalOf(second)];
  if (a !== undefined && b !== undefined) {
    return a === b;
  }
  const [literal, other] = a !== undefined ? [a, second] : [b, first];
  if (literal === undefined) {
    return true;
  }
  try {
    return new RegExp(`^(?:${other})$`, 'u').test(literal);
  } catch {
    return true;
  }
}

function overlapping(firsts: readonly string[]): boolean {
  return firsts.some((first, index) => firsts.slice(index + 1).some((second) => mayOverlap(first, second)));
}

/** The part of `pattern` that can backtrack catastrophically, if any. */
export function backtrackingGroup(pattern: string): string | undefined {
  const stack: Group[] = [{ start: -1, unbounded: false, firsts: [''] }];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return undefined;
    }
    if (char === '(') {
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(index))?.[0] ?? '(';
      stack.push({ start: index, unbounded: false, firsts: [''] });
      index += prefix.length;
      continue;
    }
    if (char === '|') {
      top.firsts.push('');
      index += 1;
      continue;
    }
    if (char === ')' && stack.length > 1) {
      stack.pop();
      const quantifier = quantifierAt(pattern, index + 1);
      const end = index + 1 + quantifier.length;
      if (quantifier.repeats && (top.unbounded || (top.firsts.length > 1 && overlapping(top.firsts)))) {
        return pattern.slice(top.start, end);
      }
      const parent = stack[stack.length - 1];
      if (parent !== undefined) {
        parent.unbounded ||= top.unbounded || quantifier.repeats;
        const last = parent.firsts.length - 1;
        if (parent.firsts[last] === '') {
          parent.firsts[last] = top.firsts[0] !== '' ? (top.firsts.length === 1 ? (top.firsts[0] ?? '.') : '.') : '.';
        }
      }
      index = end;
      continue;
    }
    const atom = atomAt(pattern, index);
    const quantifier = quantifierAt(pattern, index + atom.length);
    top.unbounded ||= quantifier.unbounded;
    const last = top.firsts.length - 1;
    if (top.firsts[last] === '' && char !== '^' && char !== '$') {
      top.firsts[last] = atom;
    }
    index += atom.length + quantifier.length;
  }
  return undefined;
}

/** The "any character" runs (.*, .+, .{n,}) outside a class, as written. */
function anyCharacterRuns(pattern: string): string[] {
  const runs: string[] = [];
  let index = 0;
  while (index < pattern.length) {
    const atom = atomAt(pattern, index);
    const quantifier = quantifierAt(pattern, index + atom.length);
    if (atom === '.' && quantifier.unbounded) {
      runs.push(pattern.slice(index, index + 1 + quantifier.length));
    }
    index += Math.max(atom.length, 1) + quantifier.length;
  }
  return runs;
}

/** Why a pattern must not run on text from GitHub, if it must not: a sentence. */
export function backtrackingProblem(pattern: string, l10n: L10n = english): string | undefined {
  const group = backtrackingGroup(pattern);
  const runs = anyCharacterRuns(pattern);
  if (group === undefined && runs.length > 1) {
    return l10n.t(
      'The pattern has {0} runs of any character ({1}): on a long line that almost matches, trying every way to share the line between them takes so long that the editor would freeze at each refresh. Keep one, and say what the others stop at, e.g. [^"]+ instead of .*.',
      runs.length,
      runs.join(' '),
    );
  }
  return group === undefined
    ? undefined
    : l10n.t(
        'The pattern repeats {0}, a group that can itself match the same text in many ways: on a file that almost matches, trying them all takes so long that the editor would freeze at each refresh. Repeat one simple part only, e.g. image_tag: "(rel-[^"]+)".',
        group,
      );
}
