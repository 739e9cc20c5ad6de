import { checkedGitHubLink } from '../domain/githubLinks';
import { ENGLISH, describeError, isGitHubError, refusalReason, type Language } from '../github/errors';

/**
 * Why GitHub refused to act on a deployment run, in words (no vscode: unit-tested). The error's kind comes
 * first (SAML SSO, a rate limit: refusalReason), then the action's own meaning of its status.
 */

/** Cancel Run: 409 is a run already finished; a plain 403 is a missing write permission. */
export function cancelRefusedWhy(error: unknown, language: Language = ENGLISH): string | undefined {
  const { l10n } = language;
  return (
    refusalReason(error, l10n.t('the signed-in account may not cancel runs of this repository (it needs write access)'), language) ??
    (statusOf(error) === 409 ? l10n.t('the run had already finished, so there was nothing to cancel') : undefined)
  );
}

/** Re-run Failed Jobs: GitHub answers 403, 409 or 422 when the run cannot be re-run now. */
export function rerunRefusedWhy(error: unknown, language: Language = ENGLISH): string | undefined {
  const notNow = language.l10n.t('GitHub does not re-run it now (it may be running again already, have succeeded meanwhile, be more than 30 days old, or the account lacks write access)');
  const status = statusOf(error);
  return refusalReason(error, notNow, language) ?? (status === 409 || status === 422 ? notNow : undefined);
}

/** Show Failure: why a job's log could not be read; `where` names the log, `repo` its repository. */
export function logRefusedWords(where: string, place: string, repo: string, error: unknown, language: Language = ENGLISH): string {
  const { l10n } = language;
  const reason = refusalReason(error, l10n.t("reading a private repository's logs needs the repo scope. Sign in with an account or token that can read {0}", repo), language);
  if (reason !== undefined) {
    return l10n.t('{0} is not readable now ({1}): {2}.', where, statusOf(error) ?? l10n.t('refused'), reason);
  }
  switch (statusOf(error)) {
    case 410:
      return l10n.t(
        "{0} has expired: GitHub keeps logs for the repository's retention period (90 days unless changed) and answered 410 Gone. The run's page still shows its steps; the console links of {1} may hold the service's own logs.",
        where,
        place,
      );
    case 404:
      return l10n.t('{0} was not found (404): the run or its logs were deleted, or the signed-in account cannot see {1}.', where, repo);
    default:
      return l10n.t('{0} could not be read: {1}', where, describeError(error, language));
  }
}

/** GitHub's status of a refusal (undefined for anything not GitHub's answer). */
export function statusOf(error: unknown): number | undefined {
  return isGitHubError(error) ? error.status : undefined;
}

/**
 * GitHub's page that authorizes the sign-in for an organisation's SAML SSO (the X-GitHub-SSO header's URL),
 * when `error` is such a refusal and the page is on the GitHub web host in use; else undefined.
 */
export function ssoAuthorizeLink(error: unknown, webUrl: string | undefined): string | undefined {
  const url = isGitHubError(error) ? error.sso?.url : undefined;
  const checked = url !== undefined && webUrl !== undefined ? checkedGitHubLink(url, webUrl) : '';
  return checked !== '' ? checked : undefined;
}
