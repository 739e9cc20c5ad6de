import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ReviewedDraft } from '../domain/reviewedDraft';
import type { AppDeck, DeckSnapshot, DraftRelease } from '../domain/snapshot';
import { publishRaceWarning } from '../domain/publishRace';
import { placeLabel } from '../domain/words';
import { english, type L10n } from '../domain/l10n';
import { publishEffects } from '../domain/process';
import { buildWords } from '../domain/sameBuild';
import { draftCommits } from '../state/releaseNotes';
import { publishVariableLines } from '../domain/releaseNotes';
import { describeError, isGitHubError } from '../github/errors';
import { publishAndFollow, PublishNotDone, type PublishResult } from '../operations/publish';
import { settlePublishOutcome } from '../operations/settlePublish';
import { deploymentClaim, heldWords, publishClaim } from './claims';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { errorWords, userLanguage } from '../language';
import { executeCommand } from '../executeCommand';
import { openLink } from '../ui/links';
import { refuseBusy } from './deploymentFlow';
import { refusals } from './resolveTarget';
import { loadedTarget } from './commandTarget';
import { acceptPublishWarnings, confirmationDetail, placeTag, stillAsReviewed, type Reviewed } from './publishConfirmation';
import { offerReview } from './offerReview';

/**
 * Publishes an app's drafted GitHub Release after a modal confirmation, then follows what publishing
 * sets off until production runs the new image tag (or says plainly where it stopped).
 */
export function registerPublishRelease(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.publishRelease, async (services, argument) => {
    const notLoaded = vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then publish.');
    if (services.profiles.profile === undefined) {
      void vscode.window.showInformationMessage(notLoaded);
      return;
    }
    const read = loadedTarget(services, argument, vscode.l10n.t('Publish GitHub Release'), notLoaded);
    if (read === undefined) {
      return;
    }
    const { snapshot } = read;
    let app = read.target?.app;
    if (app === undefined) {
      const withDrafts = snapshot.apps.filter((app) => app.draft !== undefined);
      const picked = await vscode.window.showQuickPick(
        withDrafts.map((app) => ({ label: app.app.label, description: app.draft?.gitTag ?? '', detail: app.draft !== undefined ? (app.draft.changeCount === 1 ? vscode.l10n.t('1 change') : vscode.l10n.t('{0} changes', app.draft.changeCount)) : '', app })),
        { title: vscode.l10n.t('Publish GitHub Release: which app?'), placeHolder: vscode.l10n.t('Apps with a drafted GitHub Release') },
      );
      if (picked === undefined) {
        return;
      }
      app = picked.app;
    }

    // The caller's view may be old: the draft is the one the latest snapshot has under the id given.
    const draft = read.target?.reference.releaseId !== undefined ? read.target.draft : app.draft;
    if (draft === undefined) {
      void vscode.window.showWarningMessage(refusals(vscode.l10n).noRelease);
      services.log.warn(`Publish refused: no draft ${String(read.target?.reference.releaseId)} for ${app.app.id} in the current deck.`);
      return;
    }
    if (!(await acceptPublishWarnings(services, app, draft))) {
      return;
    }
    // Publishing deploys the environment deployed on publish: it takes that environment's key too.
    const deployedEnvironment = app.environments.find((environment) => environment.environment.deployedOnPublish);
    const keys = [publishClaim(services, app.app.id), ...(deployedEnvironment !== undefined ? [deploymentClaim(services, app, deployedEnvironment)] : [])];
    const claim = services.inFlight.claimAll(keys, { what: vscode.l10n.t('publishing {0}', draft.gitTag) });
    if (!claim.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Release Deck is already busy ({0}): follow it in its progress notification.', heldWords(claim)));
      return;
    }
    let unknownOutcome = false;
    try {
      const label = deployedEnvironment !== undefined ? placeLabel(app.app, deployedEnvironment.environment) : '';
      if (deployedEnvironment !== undefined && refuseBusy(services, label, 'publish', deployedEnvironment) !== undefined) {
        return undefined;
      }
      const outcome = await publish(services, app, draft, read.target?.reference.reviewed, snapshot);
      unknownOutcome = outcome === 'unknown';
      return outcome === 'unknown' ? undefined : outcome;
    } finally {
      if (unknownOutcome) {
        // Whether it was published is not known: no second publish (nor deployment of the environment
        // it deploys) from this window until GitHub says, within a bound.
        services.inFlight.update(publishClaim(services, app.app.id), { what: vscode.l10n.t('checking whether {0} was published', draft.gitTag) });
        void holdUntilKnown(services, app, draft).then(claim.release, claim.release);
      } else {
        claim.release();
      }
    }
  });
}

/** Reads the release until GitHub says whether it was published (bounded), then refreshes the deck. */
async function holdUntilKnown(services: Services, app: AppDeck, draft: DraftRelease): Promise<void> {
  const client = await services.gitHub.current();
  const monorepo = services.profiles.profile?.monorepo;
  const settled = client !== undefined && monorepo !== undefined ? await settlePublishOutcome(client, monorepo, draft.id) : undefined;
  if (settled === undefined) {
    services.log.warn(`Whether ${draft.gitTag} was published could still not be read from GitHub; ${app.app.label} can be published or deployed from this window again. Check the release on GitHub first: ${draft.htmlUrl}`);
    return;
  }
  // A draft read now is what GitHub shows, not proof the lost publish will never be applied: said with its time.
  const shown = settled.draft ? `still as a draft at ${new Date().toISOString()}` : 'published';
  services.log.info(`GitHub shows ${settled.tagName} ${shown}; ${app.app.label} can be published or deployed from this window again.${settled.draft ? ` Check the release on GitHub before publishing again: ${draft.htmlUrl}` : ''}`);
  await services.store.refresh('the outcome of a publish is known');
}

/**
 * Publishes after the confirmation; the result (also for automation) says how far the chain got.
 * `reviewedByCaller` is what the caller showed of the draft (the release notes panel), if it showed it.
 */
async function publish(services: Services, app: AppDeck, draft: DraftRelease, reviewedByCaller: ReviewedDraft | undefined, snapshot: DeckSnapshot): Promise<PublishResult | 'unknown' | undefined> {
  const profile = services.profiles.profile;
  const client = await services.gitHub.current();
  if (profile === undefined || client === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub first.'));
    return undefined;
  }
  // What GitHub's draft must still be: what the caller showed, and what the deck shows (its tag is sent).
  const reviewed: Reviewed[] = [
    ...(reviewedByCaller !== undefined ? [{ draft: reviewedByCaller, by: vscode.l10n.t('the release notes showed it') }] : []),
    { draft, by: vscode.l10n.t('the deck showed it') },
  ];
  if (!(await stillAsReviewed(services, client, profile.monorepo, app, draft, reviewed, vscode.l10n.t('since')))) {
    return undefined;
  }
  const tag = await placeTag(client, profile.monorepo, draft);
  const deployedEnvironment = app.environments.find((environment) => environment.environment.deployedOnPublish);
  const next = publishEffects(profile, app, draft, vscode.l10n);
  // Read from the deck as it is now (a refresh may have run since the command started).
  const race = publishRaceWarning(services.store.state.snapshot ?? snapshot, Date.now(), draft.gitTag, deployedEnvironment);
  const commits = await draftCommits(client, profile, app, draft, tag.send, userLanguage());
  const variableLines = publishVariableLines(app.app, commits, vscode.l10n);
  const confirmed = await services.confirmer.ask({
    message: vscode.l10n.t('Publish the GitHub Release {0}?', draft.gitTag),
    detail: confirmationDetail({ app, draft, tagPlacement: tag.said, commits, race, next, variableLines }),
    confirmLabel: vscode.l10n.t('Publish GitHub Release'),
  });
  if (!confirmed) {
    services.log.info(`Publishing ${draft.gitTag} was not confirmed; nothing was changed.`);
    return undefined;
  }
  // The dialog may stay open a long time: the notes published must be the ones reviewed.
  if (!(await stillAsReviewed(services, client, profile.monorepo, app, draft, reviewed, vscode.l10n.t('while the confirmation was open, after')))) {
    return undefined;
  }
  const who = services.store.state.credential?.login ?? 'the signed-in account';
  services.log.info(`${who} publishes the GitHub Release ${draft.gitTag} of ${profile.monorepo} (${tag.placement}) at ${new Date().toISOString()}.`);
  const watching = services.store.watchClosely();
  let result: PublishResult | undefined;
  // What the progress notification said, in order (returned with the result, for automation and tests).
  const said: string[] = [];
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Release Deck · {0}', app.app.label), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => {
          services.log.info(`Stopped watching ${draft.gitTag} (the release process goes on).`);
        });
        return publishAndFollow(
          client,
          { profile, app: app.app, draft, target: tag.send, language: userLanguage(), ...(deployedEnvironment !== undefined ? { deployedEnvironment } : {}) },
          (step) => {
            progress.report({ message: step });
            said.push(step);
            void services.store.refresh('a publish moved on');
          },
          { isStopped: () => token.isCancellationRequested, ...(deployedEnvironment !== undefined ? { onReview: offerReview(services, { appId: app.app.id, environmentId: deployedEnvironment.environment.id, label: placeLabel(app.app, deployedEnvironment.environment) }) } : {}) },
        );
      },
    );
  } catch (error) {
    const message = errorWords(error);
    services.log.error(`Publishing ${draft.gitTag} failed: ${describeError(error)}`);
    if (error instanceof PublishNotDone) {
      const link = error.link;
      const button = link === undefined ? undefined : link.kind === 'release' ? vscode.l10n.t('Open Release') : vscode.l10n.t('Open Run');
      void vscode.window.showErrorMessage(`${draft.gitTag}: ${error.said(userLanguage())}`, ...(button !== undefined ? [button] : [])).then((choice) => {
        if (choice !== undefined && link !== undefined) {
          void openLink(link.url, services.log);
        }
      });
      return link?.kind === 'release' ? 'unknown' : undefined;
    }
    // A GitHubError that escapes here is a clear refusal (401, 403, 404, 422): GitHub did nothing.
    void vscode.window.showErrorMessage(isGitHubError(error) ? vscode.l10n.t('Publishing {0} failed: {1} The draft was not published.', draft.gitTag, message) : vscode.l10n.t('Publishing {0} failed: {1}', draft.gitTag, message));
    return undefined;
  } finally {
    watching.dispose();
    void services.store.refresh('a publish ended');
  }
  report(services, app, draft, result);
  return { ...result, progress: said };
}

function report(services: Services, app: AppDeck, draft: DraftRelease, result: PublishResult): void {
  const links: Array<{ label: string; url: string }> = [];
  if (result.deployRun !== undefined && result.changelogProblem === undefined) {
    links.push({ label: vscode.l10n.t('Open Deployment Run'), url: result.deployRun.htmlUrl });
  } else if (result.tagRun !== undefined) {
    links.push({ label: vscode.l10n.t('Open Release Workflow Run'), url: result.tagRun.htmlUrl });
  }
  if (result.changelogPull !== undefined) {
    links.push({ label: vscode.l10n.t('Review Changelog Pull Request'), url: result.changelogPull.htmlUrl });
  }
  // A deployment run that failed can be diagnosed in the editor (Show Failure…: its failed step's log tail).
  const deployed = app.environments.find((environment) => environment.environment.deployedOnPublish);
  const failedDeployment = result.deployRun?.status === 'completed' && result.deployRun.conclusion !== 'success' && deployed !== undefined ? { appId: app.app.id, environmentId: deployed.environment.id, runId: result.deployRun.id } : undefined;
  const show = (message: string, severity: 'info' | 'warning' | 'error'): void => {
    const showFailure = vscode.l10n.t('Show Failure…');
    const labels = [...(failedDeployment !== undefined ? [showFailure] : []), ...links.map((link) => link.label)];
    const shown = severity === 'error' ? vscode.window.showErrorMessage(message, ...labels) : severity === 'warning' ? vscode.window.showWarningMessage(message, ...labels) : vscode.window.showInformationMessage(message, ...labels);
    void shown.then((choice) => {
      if (choice === showFailure && failedDeployment !== undefined) {
        void executeCommand(COMMANDS.showFailure, failedDeployment);
        return;
      }
      const link = links.find((candidate) => candidate.label === choice);
      if (link !== undefined) {
        void openLink(link.url, services.log);
      }
    });
  };
  if (result.problem !== undefined) {
    services.log.error(`Publish of ${draft.gitTag}: ${result.problem}`);
    show(result.problem, 'error');
    return;
  }
  if (result.stoppedWatching) {
    show(vscode.l10n.t('{0} is published. Release Deck stopped watching; the release process goes on and the deck keeps showing where it is.', draft.gitTag), 'info');
    return;
  }
  // The log keeps English (`english`); the person reads their language.
  const outcome = (l10n: L10n): string =>
    deployed !== undefined
      ? l10n.t('{0} runs {1}.', placeLabel(app.app, deployed.environment), buildWords(draft.imageTag, result.build, l10n)) + (result.buildNote !== undefined ? ` ${result.buildNote}` : '')
      : l10n.t('The image is tagged {0}; deploy it with the manual procedure in the deck.', draft.imageTag);
  if (result.changelogProblem !== undefined) {
    services.log.warn(`Published ${draft.gitTag}: ${outcome(english)} But ${result.changelogProblem}`);
    show(vscode.l10n.t('Published {0}. {1} But {2}', draft.gitTag, outcome(vscode.l10n), result.changelogProblem), 'warning');
    return;
  }
  const changelog = (l10n: L10n): string => (result.changelogPull !== undefined ? l10n.t(' Review the changelog pull request #{0}.', result.changelogPull.number) : l10n.t(' No changelog pull request was found yet.'));
  services.log.info(`Published ${draft.gitTag}: ${outcome(english)}${changelog(english)}`);
  show(vscode.l10n.t('Published {0}. {1}{2}', draft.gitTag, outcome(vscode.l10n), changelog(vscode.l10n)), 'info');
}
