import { english, type L10n } from './l10n';
import type { AppProfile, EnvironmentProfile } from './profileTypes';

/** The few words Release Deck builds from data in more than one place: plurals, commit titles, places. */

/** "1 commit", "3 commits". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * "1 commit", "3 commits", in the language of `l10n`: one function per thing counted, since each language
 * inflects each noun its own way (plural() above stays for the English-only texts).
 */
export const counts = {
  commit: (count: number, l10n: L10n = english): string => (count === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', count)),
  change: (count: number, l10n: L10n = english): string => (count === 1 ? l10n.t('1 change') : l10n.t('{0} changes', count)),
  day: (count: number, l10n: L10n = english): string => (count === 1 ? l10n.t('1 day') : l10n.t('{0} days', count)),
  deployment: (count: number, l10n: L10n = english): string => (count === 1 ? l10n.t('1 deployment') : l10n.t('{0} deployments', count)),
  step: (count: number, l10n: L10n = english): string => (count === 1 ? l10n.t('1 step') : l10n.t('{0} steps', count)),
} as const;

/** The first line of a commit message. */
export function commitTitle(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}

/** Where something runs, as a sentence names it: "API production". */
export function placeLabel(app: Pick<AppProfile, 'label'>, environment: Pick<EnvironmentProfile, 'label'>): string {
  return `${app.label} ${environment.label.toLowerCase()}`;
}

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: ReadonlyArray<readonly [number, Unit]> = [
  [60 * 60 * 24 * 365, 'year'],
  [60 * 60 * 24 * 30, 'month'],
  [60 * 60 * 24 * 7, 'week'],
  [60 * 60 * 24, 'day'],
  [60 * 60, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** The time from an ISO moment to `now` in its largest whole unit (a clock a little ahead is no time at all); undefined for no moment. */
function span(iso: string, now: Date): { readonly count: number; readonly unit: Unit } | undefined {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) {
    return undefined;
  }
  const [size, unit] = UNITS.find(([candidate]) => Math.abs(seconds) >= candidate) ?? [1, 'second'];
  return { count: Math.trunc(Math.max(0, seconds) / size), unit };
}

/**
 * Relative time such as "3 days ago" ("vor 3 Tagen" for `de`), from an ISO moment, in the words of `locale`
 * (a BCP 47 tag such as vscode.env.language; English by default).
 */
export function ago(iso: string, now: Date = new Date(), locale = 'en', l10n: L10n = english): string {
  const time = span(iso, now);
  if (time === undefined) {
    return l10n.t('at an unknown time');
  }
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-time.count, time.unit);
}

/** How long since an ISO moment, "5 minutes" ("5 Minuten" for `de`), in the words of `locale`; undefined for no moment. */
export function elapsed(iso: string, now: Date = new Date(), locale = 'en'): string | undefined {
  const time = span(iso, now);
  return time !== undefined ? new Intl.NumberFormat(locale, { style: 'unit', unit: time.unit, unitDisplay: 'long' }).format(time.count) : undefined;
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
