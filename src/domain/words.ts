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

/**
 * Relative time such as "3 days ago" ("vor 3 Tagen" for `de`), from an ISO moment, in the words of `locale`
 * (a BCP 47 tag such as vscode.env.language; English by default).
 */
export function ago(iso: string, now: Date = new Date(), locale = 'en'): string {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) {
    return 'at an unknown time';
  }
  const units: Array<[number, Intl.RelativeTimeFormatUnit]> = [
    [60 * 60 * 24 * 365, 'year'],
    [60 * 60 * 24 * 30, 'month'],
    [60 * 60 * 24 * 7, 'week'],
    [60 * 60 * 24, 'day'],
    [60 * 60, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, unit] = units.find(([candidate]) => Math.abs(seconds) >= candidate) ?? [1, 'second'];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-Math.trunc(Math.max(0, seconds) / size), unit);
}

/**
 * A moment as the person reads dates, "27 Nov 2026, 14:05" ("27.11.2026, 14:05" for `de`): in `locale` and
 * the time zone of this process (the person's) unless `timeZone` is given; UTC only where a process defines it.
 */
export function dateTime(iso: string, locale = 'en', timeZone?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return iso;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone !== undefined ? { timeZone } : {}) }).format(at);
}

/** A time of day to the minute, "14:05", in `locale` (24-hour clock) and this process's time zone. */
export function hourMinute(moment: Date, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment);
}

/** A time of day, "14:05:09", in `locale` and this process's time zone. */
export function clockTime(moment: Date, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(moment);
}
