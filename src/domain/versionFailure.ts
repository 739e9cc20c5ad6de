import { english, type L10n } from './l10n';

/**
 * Why an environment's /version endpoint gave no version, as data: the deck keeps it in its facts and says it
 * in the person's language where it shows (`versionFailureWords`), in English in the log.
 */
export type VersionFailure =
  | { readonly code: 'timeout'; readonly seconds: number }
  | { readonly code: 'refused' }
  | { readonly code: 'unresolved' }
  | { readonly code: 'reset' }
  /** Another network error: Node's own message, which has no translation. */
  | { readonly code: 'network'; readonly detail: string }
  | { readonly code: 'status'; readonly status: number }
  | { readonly code: 'tooLong'; readonly bytes: number; readonly more: boolean }
  | { readonly code: 'html' }
  | { readonly code: 'notJson' }
  | { readonly code: 'notObject' }
  | { readonly code: 'noRelease' };

export function versionFailureWords(failure: VersionFailure, l10n: L10n = english): string {
  switch (failure.code) {
    case 'timeout':
      return l10n.t('no answer within {0} s', failure.seconds);
    case 'refused':
      return l10n.t('the connection was refused');
    case 'unresolved':
      return l10n.t('its host name could not be resolved');
    case 'reset':
      return l10n.t('the connection was reset');
    case 'network':
      return failure.detail;
    case 'status':
      return l10n.t('it answered HTTP {0}', failure.status);
    case 'tooLong':
      return failure.more ? l10n.t('the answer is more than {0} bytes long, far more than a version', failure.bytes) : l10n.t('the answer is {0} bytes long, far more than a version', failure.bytes);
    case 'html':
      return l10n.t('an HTML page came back instead of JSON');
    case 'notJson':
      return l10n.t('the answer is not JSON');
    case 'notObject':
      return l10n.t('the answer is not a JSON object');
    case 'noRelease':
      return l10n.t('the answer has no "release" field');
  }
}

/** Why a version was not read, in `l10n`'s language when the failure is known as data, else as recorded. */
export function versionReason(fact: { readonly reason: string; readonly failure?: VersionFailure }, l10n: L10n = english): string {
  return fact.failure !== undefined ? versionFailureWords(fact.failure, l10n) : fact.reason;
}
