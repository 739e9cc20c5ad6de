import { findNodeAtLocation, parseTree, visit, type JSONPath, type Node } from 'jsonc-parser';
import { english, type L10n } from './l10n';
import { problemAt, problemCollector } from './profileProblems';
import type { ProfileProblem } from './profileTypes';

/**
 * Checks of a profile file's text that its parsed value can no longer show, and the place of a problem
 * in the text. A profile nests 8 levels at most (root › apps › app › environments › environment ›
 * deploy › steps › step); a file nested far deeper is refused before any recursive reader (the JSON
 * tree for diagnostics, the duplicate-key visitor) meets it and overflows the stack.
 */
export const MAX_PROFILE_DEPTH = 16;

interface Frame {
  readonly kind: 'object' | 'array';
  key: string | undefined;
  index: number;
  expectKey: boolean;
}

/** Where the text first nests deeper than MAX_PROFILE_DEPTH, found without recursion; undefined if it does not. */
export function tooDeep(text: string): { readonly path: string; readonly offset: number } | undefined {
  const stack: Frame[] = [];
  for (let offset = 0; offset < text.length; offset += 1) {
    const char = text[offset];
    const top = stack[stack.length - 1];
    // Comments, as the JSON tree reader skips them: a quote or bracket inside one is neither string nor nesting.
    if (char === '/' && text[offset + 1] === '/') {
      const end = text.indexOf('\n', offset + 2);
      offset = end === -1 ? text.length : end;
    } else if (char === '/' && text[offset + 1] === '*') {
      const end = text.indexOf('*/', offset + 2);
      offset = end === -1 ? text.length : end + 1;
    } else if (char === '"') {
      let end = offset + 1;
      while (end < text.length && text[end] !== '"') {
        end += text[end] === '\\' ? 2 : 1;
      }
      if (top?.kind === 'object' && top.expectKey) {
        top.key = keyOf(text.slice(offset, end + 1));
        top.expectKey = false;
      }
      offset = end;
    } else if (char === '{' || char === '[') {
      if (stack.length >= MAX_PROFILE_DEPTH) {
        return { path: pathOf(stack), offset };
      }
      stack.push({ kind: char === '{' ? 'object' : 'array', key: undefined, index: 0, expectKey: char === '{' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top !== undefined) {
      top.index += 1;
      top.expectKey = top.kind === 'object';
    }
  }
  return undefined;
}

function keyOf(literal: string): string {
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal.slice(1, -1);
  }
}

function pathOf(stack: readonly Frame[]): string {
  return formatPath(stack.map((frame) => (frame.kind === 'object' ? (frame.key ?? '') : frame.index)));
}

/** `['apps', 0, 'id']` → `$.apps[0].id`. */
export function formatPath(segments: JSONPath): string {
  return '$' + segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
}

/** Nesting past the limit, at the place it passes it. */
export function depthProblem(text: string, l10n: L10n = english): ProfileProblem | undefined {
  const deep = tooDeep(text);
  return deep !== undefined ? problemAt(deep.path, (l10n) => l10n.t('The file is nested more than {0} levels deep here; a profile needs 8 at most. Remove the extra nesting.', MAX_PROFILE_DEPTH), l10n) : undefined;
}

/** Keys written twice in one object (JSON.parse keeps the last silently). Call only on text depthProblem accepts. */
export function duplicateKeyProblems(text: string, l10n: L10n = english): ProfileProblem[] {
  const { problems, add } = problemCollector(l10n);
  const keys: Array<Set<string>> = [];
  visit(text, {
    onObjectBegin: () => {
      keys.push(new Set());
    },
    onObjectEnd: () => {
      keys.pop();
    },
    onObjectProperty: (property, _offset, _length, _line, _character, pathSupplier) => {
      const seen = keys[keys.length - 1];
      if (seen?.has(property)) {
        add(formatPath([...pathSupplier(), property]), (l10n) => l10n.t('"{0}" is written twice in this object; JSON keeps only the last one, so remove the other.', property));
      }
      seen?.add(property);
    },
  });
  return problems;
}

/** Where each problem sits in the text (its field, or the nearest existing parent), for diagnostics. */
export function locateProblems(text: string, problems: ReadonlyArray<{ readonly path: string }>): Array<{ readonly offset: number; readonly length: number }> {
  const deep = tooDeep(text);
  const tree = deep === undefined ? parseTree(text) : undefined;
  return problems.map((problem) => {
    if (deep !== undefined) {
      return problem.path === deep.path ? { offset: deep.offset, length: 1 } : { offset: 0, length: 1 };
    }
    const node = tree !== undefined ? nodeForPath(tree, problem.path) : undefined;
    return { offset: node?.offset ?? 0, length: node?.length ?? 1 };
  });
}

/** `$.apps[0].id` → `['apps', 0, 'id']` (the inverse of formatPath). */
export function segmentsOf(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''));
  }
  return segments;
}

/** Where the value at a path is in the text (for a quick fix that replaces it); undefined when absent. */
export function locateValue(text: string, path: string): { readonly offset: number; readonly length: number } | undefined {
  if (tooDeep(text) !== undefined) {
    return undefined;
  }
  const tree = parseTree(text);
  const node = tree !== undefined ? findNodeAtLocation(tree, segmentsOf(path)) : undefined;
  return node !== undefined ? { offset: node.offset, length: node.length } : undefined;
}

function nodeForPath(tree: Node, path: string): Node | undefined {
  const segments = segmentsOf(path);
  // The deepest existing node: a missing field is shown on its parent.
  for (let length = segments.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(tree, segments.slice(0, length));
    if (node !== undefined) {
      return node.parent?.type === 'property' && length === segments.length ? node.parent : node;
    }
  }
  return undefined;
}
