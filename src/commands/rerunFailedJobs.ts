import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canRerunFailed } from '../domain/runFailure';
import { rerunFailedJobs } from '../github/runControl';
import { getRun } from '../github/workflows';
import { followRun, words } from '../operations/follow';
import { deploymentClaim, heldWords } from './claims';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { executeCommand } from '../executeCommand';
import { openLink } from '../ui/links';
import { refuseBusy } from './deploymentFlow';
import { UNKNOWN_OUTCOME_HOLD_MS, holdUntilShown } from './outcomeHold';
import { busyMessage, newerDeploymentThan, supersededMessage } from '../domain/busyEnvironment';
import { findEnvironment } from '../domain/snapshot';
import type { DeckState } from '../state/deckStore';
import type { GitHubClient } from '../github/client';
import { runsActingOn } from '../operations/busyOnGitHub';
import { rerunDetail } from './runDetails';
import { rerunRefusedWhy } from './runRefusals';
import { runTarget, type RunTarget } from './runTarget';
import { confirmAndSend, signedInClient } from './runAction';
import { errorWords, userLanguage } from '../language';
import { english, type L10n } from '../domain/l10n';
import { describeError } from '../github/errors';

/** What Re-run Failed Jobs did, for the tests. */
export type RerunResult =
  | { readonly kind: 'finished'; readonly conclusion: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'notConfirmed' }
  | { readonly kind: 'refused'; readonly problem: string; readonly actions: readonly string[] }
  /** The answer was lost: not done (never reached GitHub), or unknown (the run's page to check). */
  | { readonly kind: 'notDone'; readonly problem: string }
  | { readonly kind: 'unknown'; readonly problem: string; readonly runUrl: string };

/**
 * Re-run Failed Jobs: for a failed deployment run, GitHub runs its failed jobs again in the same run (same
 * inputs, so the same image tag), behind a modal naming app, environment, run and image tag; then the deck
 * follows the run as it does a deployment. Never for the release workflow (runTarget). One action per
 * environment at a time (the deployments' in-flight key), and refused while a run acts on the environment —
 * as the deck shows it, and as GitHub lists it after the confirmation — or once a newer deployment came after
 * the failed run. GitHub's refusals (403 while it runs or when it cannot be re-run, 409, 422) are said so, the
 * deck refreshed; a lost answer is settled by reading the run (runAction.ts), the environment held while unknown.
 */
export function registerRerunFailedJobs(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.rerunFailedJobs, async (services, argument): Promise<RerunResult | undefined> => {
    const run = runTarget(services, argument, vscode.l10n.t('Re-run Failed Jobs'), (environment) => (canRerunFailed(environment.lastDeployment) ? environment.lastDeployment : undefined), (place) => vscode.l10n.t('The last deployment run of {0} did not fail: there are no failed jobs to re-run.', place));
    if (run === undefined) {
      return undefined;
    }
    const key = deploymentClaim(services, run.app, run.environment);
    const claim = services.inFlight.claim(key, { what: vscode.l10n.t('re-running the failed jobs of "{0}"', run.record.title), runUrl: run.record.runUrl });
    if (!claim.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('An action on {0} is already under way ({1}); wait for it to finish.', run.place, heldWords(claim)));
      return undefined;
    }
    let result: RerunResult | undefined;
    try {
      result = await confirmAndRerun(services, run);
      return result;
    } finally {
      if (result?.kind === 'unknown') {
        // Whether GitHub re-runs it is not known: no other action on the environment from this window until
        // the deck shows the run's new attempt (its busy check takes over then), or for a bounded while.
        services.inFlight.update(key, { what: vscode.l10n.t('checking whether the failed jobs of "{0}" run again', run.record.title), runUrl: run.record.runUrl });
        holdUntilShown(services, claim.release, (state) => newAttemptShown(state, run), `No new attempt of ${run.record.runUrl} appeared in ${UNKNOWN_OUTCOME_HOLD_MS / 60_000} minutes; ${run.place} is no longer held in this window.`);
      } else {
        claim.release();
      }
    }
  });
}

async function confirmAndRerun(services: Services, run: RunTarget): Promise<RerunResult | undefined> {
  const client = await signedInClient(services);
  if (client === undefined) {
    return undefined;
  }
  const { app, environment, record, place } = run;
  const busy = refuseBusy(services, place, 're-run the failed jobs', environment);
  if (busy !== undefined) {
    return { kind: 'refused', problem: busy, actions: [] };
  }
  const target = record.imageTag ?? record.title;
  const sent = await confirmAndSend(services, client, run, {
    kind: 'rerun',
    question: environment.environment.production ? vscode.l10n.t('Re-run the failed jobs of the deployment of {0} to PRODUCTION: {1}?', target, place) : vscode.l10n.t('Re-run the failed jobs of the deployment of {0} to {1}?', target, place),
    detail: rerunDetail(run, userLanguage()),
    confirmLabel: vscode.l10n.t('Re-run Failed Jobs'),
    send: (signedIn) => rerunFailedJobs(signedIn, run.repo, record.runId),
    refusedWhy: (error) => rerunRefusedWhy(error, userLanguage()),
    check: (signedIn) => refuseOnGitHub(services, signedIn, run),
  });
  if (sent.kind !== 'sent') {
    return sent;
  }
  const lost = sent.lost !== undefined ? vscode.l10n.t('{0}, but GitHub re-ran them: following the run.', sent.lost) : undefined;
  const watching = services.store.watchClosely();
  let outcome: Awaited<ReturnType<typeof followRun>> | undefined;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Release Deck · {0}', place), cancellable: true }, async (progress, token) => {
      let said = '';
      if (lost !== undefined) {
        progress.report({ message: lost });
      }
      return followRun(client, run.repo, await getRun(client, run.repo, record.runId), {
        isStopped: () => token.isCancellationRequested,
        onUpdate: (current) => {
          const now = vscode.l10n.t('Re-run of "{0}": {1}', record.title, words(current));
          if (now !== said) {
            said = now;
            progress.report({ message: now });
            void services.store.refresh('a re-run moved on');
          }
        },
      });
    });
  } catch (error) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The failed jobs of "{0}" were sent to run again, but following the run failed: {1}. The deck keeps showing it.', record.title, errorWords(error)));
    return { kind: 'stopped' };
  } finally {
    watching.dispose();
    void services.store.refresh('a re-run ended');
  }
  if (outcome.kind === 'stopped') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Stopped watching; the re-run of "{0}" goes on (see the deck).', record.title));
    return { kind: 'stopped' };
  }
  const conclusion = outcome.run.conclusion ?? 'completed';
  services.log[conclusion === 'success' ? 'info' : 'error'](`Re-run of ${record.runUrl} ended: ${conclusion}.`);
  if (conclusion === 'success') {
    void vscode.window.showInformationMessage(vscode.l10n.t('The re-run of "{0}" succeeded: {1} deployed {2} again.', record.title, place, record.imageTag ?? vscode.l10n.t('its image tag')));
  } else {
    const showFailure = vscode.l10n.t('Show Failure…');
    const openRun = vscode.l10n.t('Open Run');
    const still = environment.running?.imageTag !== undefined ? vscode.l10n.t(' {0} still runs {1} as far as the deck knew.', place, environment.running.imageTag) : '';
    void vscode.window.showErrorMessage(vscode.l10n.t('The re-run of "{0}" ended in {1} again.{2}', record.title, conclusion, still), showFailure, openRun).then((choice) => {
      if (choice === showFailure) {
        void executeCommand(COMMANDS.showFailure, { appId: app.app.id, environmentId: environment.environment.id });
      } else if (choice === openRun) {
        void openLink(record.runUrl, services.log);
      }
    });
  }
  return { kind: 'finished', conclusion };
}

/**
 * Read right after the confirmation (the deck may be a minute old), as a deployment does: nothing is sent while
 * a run acts on the environment on GitHub (a colleague's deployment: the deployment workflows' concurrency group
 * would queue the re-run behind it, then deploy the older tag over it), nor when a newer deployment came after the
 * failed run (a re-run would deploy its older tag over that one: Roll Back or Deploy say what changes first).
 */
async function refuseOnGitHub(services: Services, client: GitHubClient, run: RunTarget): Promise<{ problem: string; logged: string; url?: string } | undefined> {
  const profile = services.profiles.profile;
  const releaseChain = run.environment.environment.deployedOnPublish && profile?.releaseWorkflow !== undefined ? { repo: profile.monorepo, workflow: profile.releaseWorkflow, app: run.app.app } : undefined;
  let look: Awaited<ReturnType<typeof runsActingOn>>;
  try {
    look = await runsActingOn(client, { deploy: { repo: run.repo, workflow: run.workflow, profileField: 'deploy.workflow' }, ...(releaseChain !== undefined ? { releaseChain } : {}) });
  } catch (error) {
    const unread = (l10n: L10n, why: string): string => l10n.t('{0} Nothing was sent: without the runs of {1}, Release Deck cannot tell whether a deployment of {2} is under way.', why, run.workflow, run.place);
    return { problem: unread(vscode.l10n, errorWords(error)), logged: unread(english, describeError(error)) };
  }
  // The person reads it in their language; the log keeps English.
  if (look.active !== undefined) {
    return { problem: busyMessage(run.place, 're-run the failed jobs', look.active, vscode.l10n, vscode.env.language), logged: busyMessage(run.place, 're-run the failed jobs', look.active), url: look.active.url };
  }
  const newer = newerDeploymentThan(look.deploymentRuns, run.record.runId);
  if (newer !== undefined) {
    return { problem: supersededMessage(run.place, run.record, newer, vscode.l10n, vscode.env.language), logged: supersededMessage(run.place, run.record, newer), url: newer.htmlUrl };
  }
  return undefined;
}

/** The log line once the deck shows the re-run run's new attempt (or the run under way again). */
function newAttemptShown(state: DeckState, run: RunTarget): string | undefined {
  const found = state.snapshot !== undefined ? findEnvironment(state.snapshot, run.app.app.id, run.environment.environment.id) : undefined;
  const shown = found?.environment.runs.find((record) => record.runId === run.record.runId);
  const again = shown !== undefined && ((shown.attempt ?? 1) > (run.record.attempt ?? 1) || shown.status !== 'completed');
  return again ? `The failed jobs of ${run.record.runUrl} run again (attempt ${String(shown.attempt ?? 1)}); the deck follows it from here.` : undefined;
}
