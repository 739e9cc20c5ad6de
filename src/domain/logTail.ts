/**
 * The tail of a job's log, kept as the log streams in: only the last lines are held (a ring of at most
 * `maxLines`), each clipped to `maxLineChars`, and a line still being read is never held past that length
 * either; so however large the log, memory stays below maxLines × maxLineChars. ANSI colour codes are
 * removed, and so is the time GitHub prefixes to each line of a job's log (`2026-11-26T10:00:01.1234567Z `);
 * the runner's `##[group]` / `##[endgroup]` markers are dropped, its `##[error]` kept as `Error:`.
 */

export const TAIL_LINES = 200;
export const MAX_LINE_CHARS = 2_000;

/** ANSI escape sequences: CSI (colours, cursor moves) and OSC (titles, links), and lone escapes. */
const ESC = '\u001b';
const BEL = '\u0007';
const ANSI = new RegExp(`${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)|${ESC}[@-_]`, 'g');
const TIMESTAMP = /^\uFEFF?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** One line of a job's log as a person reads it: no colour codes, no timestamp, no grouping markers. */
export function cleanLogLine(line: string): string | undefined {
  const text = stripAnsi(line.replace(/\r$/, '')).replace(TIMESTAMP, '');
  if (text.startsWith('##[endgroup]')) {
    return undefined;
  }
  return text.replace(/^##\[group\]/, '').replace(/^##\[error\]/, 'Error: ').replace(/^##\[(warning|notice|debug)\]/, (_, kind: string) => `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}: `);
}

export interface TailResult {
  /** The last lines, oldest first, cleaned. */
  readonly lines: readonly string[];
  /** How many lines the whole log had (as shown: without the dropped `##[endgroup]` markers). */
  readonly totalLines: number;
  /** True when some lines were longer than the cap and were clipped. */
  readonly clipped: boolean;
}

export class LogTail {
  private readonly ring: string[] = [];
  private next = 0;
  private partial = '';
  private partialClipped = false;
  private total = 0;
  private clipped = false;

  constructor(
    private readonly maxLines = TAIL_LINES,
    private readonly maxLineChars = MAX_LINE_CHARS,
  ) {}

  /** Feeds the next piece of the log (any size, lines may be split across pieces). */
  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) {
        this.extend(chunk.slice(start));
        return;
      }
      this.extend(chunk.slice(start, end));
      this.endLine();
      start = end + 1;
    }
  }

  /** The tail once the whole log was fed. */
  finish(): TailResult {
    if (this.partial !== '' || this.partialClipped) {
      this.endLine();
    }
    const ordered = this.ring.length < this.maxLines ? [...this.ring] : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return { lines: ordered, totalLines: this.total, clipped: this.clipped };
  }

  /** What the keeper holds now, in characters (for the memory cap's tests). */
  get heldChars(): number {
    return this.ring.reduce((sum, line) => sum + line.length, 0) + this.partial.length;
  }

  private extend(piece: string): void {
    if (this.partialClipped) {
      return;
    }
    // Escape sequences take room before they are removed: keep a margin over the visible cap.
    const room = this.maxLineChars * 2 - this.partial.length;
    if (piece.length > room) {
      this.partial += piece.slice(0, Math.max(room, 0));
      this.partialClipped = true;
      return;
    }
    this.partial += piece;
  }

  private endLine(): void {
    const cleaned = cleanLogLine(this.partial);
    const wasClipped = this.partialClipped;
    this.partial = '';
    this.partialClipped = false;
    if (cleaned === undefined) {
      return;
    }
    // Lines as shown: the runner's dropped markers are not counted.
    this.total += 1;
    let line = cleaned;
    if (wasClipped || line.length > this.maxLineChars) {
      line = `${line.slice(0, this.maxLineChars)} … (line clipped)`;
      this.clipped = true;
    }
    if (this.ring.length < this.maxLines) {
      this.ring.push(line);
    } else {
      this.ring[this.next] = line;
      this.next = (this.next + 1) % this.maxLines;
    }
  }
}
