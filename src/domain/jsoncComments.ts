import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { segmentsOf } from './profileText';

/**
 * A JSON value written out with `//` comments above the fields they concern (JSONC, as the profile reader
 * accepts it). A note for `$` goes at the top of the file; a note for a path that is not in the value goes
 * above its nearest existing parent. Comment text is kept to one line per note, control characters removed.
 */
export function jsonWithComments(value: unknown, notes: ReadonlyArray<{ readonly path: string; readonly text: string }>): string {
  const json = JSON.stringify(value, null, 2);
  const tree = parseTree(json);
  const lines = json.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const above = new Map<number, string[]>();
  const top: string[] = [];
  for (const note of notes) {
    const text = note.text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
    const segments = segmentsOf(note.path);
    if (segments.length === 0 || tree === undefined) {
      top.push(text);
      continue;
    }
    let line: number | undefined;
    for (let length = segments.length; length > 0 && line === undefined; length -= 1) {
      const node = findNodeAtLocation(tree, segments.slice(0, length));
      const start = node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
      if (start !== undefined) {
        line = lineStarts.filter((lineStart) => lineStart <= start).length - 1;
      }
    }
    if (line === undefined) {
      top.push(text);
    } else {
      above.set(line, [...(above.get(line) ?? []), text]);
    }
  }
  const out: string[] = top.map((text) => `// ${text}`);
  lines.forEach((line, index) => {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    for (const text of above.get(index) ?? []) {
      out.push(`${indent}// ${text}`);
    }
    out.push(line);
  });
  return `${out.join('\n')}\n`;
}
