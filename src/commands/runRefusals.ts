import { describeError, isGitHubError, refusalReason } from '../github/errors';

/**
 * Why GitHub refused to act on a deployment run, in words (no vscode: unit-tested). The error's kind comes
 * first (SAML SSO, a rate limit: refusalReason), then the action's own meaning of its status.
 */

/** Cancel Run: 409 is a run already finished; a plain 403 is a missing write permission. */
export function cancelRefusedWhy(error: unknown): string | undefined {
  return refusalReason(error, 'the signed-in account may not cancel runs of this repository (it needs write access)') ?? (statusOf(error) === 409 ? 'the run had already finished, so there was nothing to cancel' : undefined);
}

/** Re-run Failed Jobs: GitHub answers 403, 409 or 422 when the run cannot be re-run now. */
export function rerunRefusedWhy(error: unknown): string | undefined {
  const notNow = 'GitHub does not re-run it now (it may be running again already, have succeeded meanwhile, be more than 30 days old, or the account lacks write access)';
  const status = statusOf(error);
  return refusalReason(error, notNow) ?? (status === 409 || status === 422 ? notNow : undefined);
}

/** Show Failure: why a job's log could not be read; `where` names the log, `repo` its repository. */
export function logRefusedWords(where: string, place: string, repo: string, error: unknown): string {
  const reason = refusalReason(error, `reading a private repository's logs needs the repo scope. Sign in with an account or token that can read ${repo}`);
  if (reason !== undefined) {
    return `${where} is not readable now (${statusOf(error) ?? 'refused'}): ${reason}.`;
  }
  switch (statusOf(error)) {
    case 410:
      return `${where} has expired: GitHub keeps logs for the repository's retention period (90 days unless changed) and answered 410 Gone. The run's page still shows its steps; the console links of ${place} may hold the service's own logs.`;
    case 404:
      return `${where} was not found (404): the run or its logs were deleted, or the signed-in account cannot see ${repo}.`;
    default:
      return `${where} could not be read: ${describeError(error)}`;
  }
}

/** GitHub's status of a refusal (undefined for anything not GitHub's answer). */
export function statusOf(error: unknown): number | undefined {
  return isGitHubError(error) ? error.status : undefined;
}
