/** The few words Release Deck builds from data in more than one place: plurals, commit titles, places. */

/** "1 commit", "3 commits". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first line of a commit message. */
export function commitTitle(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}
