import type { AppProfile, EnvironmentProfile } from './profileTypes';

/** The few words Release Deck builds from data in more than one place: plurals, commit titles, places. */

/** "1 commit", "3 commits". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first line of a commit message. */
export function commitTitle(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}

/** Where something runs, as a sentence names it: "API production". */
export function placeLabel(app: Pick<AppProfile, 'label'>, environment: Pick<EnvironmentProfile, 'label'>): string {
  return `${app.label} ${environment.label.toLowerCase()}`;
}

/** Relative time such as "3 days ago", from an ISO moment. */
export function ago(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) {
    return 'at an unknown time';
  }
  if (seconds < 60) {
    return 'just now';
  }
  const units: Array<[number, string]> = [
    [60 * 60 * 24 * 365, 'year'],
    [60 * 60 * 24 * 30, 'month'],
    [60 * 60 * 24 * 7, 'week'],
    [60 * 60 * 24, 'day'],
    [60 * 60, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      return `${plural(Math.floor(seconds / size), unit)} ago`;
    }
  }
  return 'just now';
}
