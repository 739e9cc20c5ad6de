import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canRerunFailed, failureHeader, failurePoint, failureTitle } from '../domain/runFailure';
import { downloadLogTail, jobLogUrl } from '../github/jobLogs';
import { listRunJobs } from '../github/workflows';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { LogDocuments } from '../ui/logDocuments';
import { logRefusedWords } from './runRefusals';
import { runTarget, type RunTarget } from './runTarget';
import { showRefusal } from './refusalNotice';
import { errorWords, userLanguage } from '../language';

/** What Show Failure… did: the tab it opened (title and text), or why not. */
export type ShowFailureResult = { readonly title: string; readonly text: string } | { readonly problem: string; readonly error?: unknown };

/**
 * Show Failure…: for a failed deployment run, the job and step that failed, how long they took, and the
 * last ~200 lines of the job's log in a read-only tab titled with the run, job and step; the run and the
 * environment's console links are offered beside it. The log comes from the signed URL GitHub redirects
 * to, fetched without the token (github/jobLogs.ts). A log GitHub no longer keeps (410), cannot find
 * (404) or refuses (403) is said so; nothing else changes.
 */
export function registerShowFailure(window: WindowServices): vscode.Disposable {
  const documents = new LogDocuments();
  const command = registerSectionCommand(window, COMMANDS.showFailure, async (services, argument): Promise<ShowFailureResult | undefined> => {
    const run = runTarget(services, argument, vscode.l10n.t('Show Failure…'), (environment) => (canRerunFailed(environment.lastDeployment) ? environment.lastDeployment : undefined), (place) => vscode.l10n.t('The last deployment run of {0} did not fail: there is no failure to show.', place), false);
    if (run === undefined) {
      return undefined;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the failure of {0}', run.place) }, () => readFailure(services, documents, run));
    if ('problem' in result) {
      services.log.warn(`Show Failure of ${run.record.runUrl}: ${result.problem}`);
      // A refusal for SAML SSO offers GitHub's authorization page (the X-GitHub-SSO header's URL), only on the web host in use.
      showRefusal(services, result.problem, result.error, [{ label: vscode.l10n.t('Open Run'), act: () => void openLink(run.record.runUrl, services.log) }]);
      return { problem: result.problem };
    }
    offerLinks(services, run);
    return result;
  });
  return vscode.Disposable.from(command, documents);
}

async function readFailure(services: Services, documents: LogDocuments, run: RunTarget): Promise<ShowFailureResult> {
  const client = await services.gitHub.current();
  if (client === undefined) {
    return { problem: vscode.l10n.t('Sign in to GitHub first: the failure is read from GitHub.') };
  }
  try {
    const jobs = await listRunJobs(client, run.repo, run.record.runId);
    const point = failurePoint(jobs);
    if (point === undefined) {
      return { problem: vscode.l10n.t('The jobs of "{0}" show no failed step (it ended in {1}, perhaps before any step ran). Open the run on GitHub to see why.', run.record.title, run.record.conclusion ?? vscode.l10n.t('an unknown state')) };
    }
    let url: string;
    try {
      url = await jobLogUrl(client, run.repo, point.job.id);
    } catch (error) {
      return { problem: logRefused(run, point.job.name, error), error };
    }
    const tail = await downloadLogTail(url);
    const title = failureTitle(run.record.title, point);
    const text = [...failureHeader({ title: run.record.title, url: run.record.runUrl }, point, { shown: tail.lines.length, total: tail.totalLines, clipped: tail.clipped }, vscode.l10n), ...tail.lines, ''].join('\n');
    await documents.open(title, text);
    services.log.info(`Showed the failure of ${run.record.runUrl}: job "${point.job.name}", step "${point.step.name}" (${tail.lines.length} of ${tail.totalLines} log lines).`);
    return { title, text };
  } catch (error) {
    return { problem: vscode.l10n.t('The failure of "{0}" ({1}) could not be read: {2}', run.record.title, run.place, errorWords(error)) };
  }
}

function logRefused(run: RunTarget, job: string, error: unknown): string {
  return logRefusedWords(vscode.l10n.t('The log of job "{0}" of "{1}" ({2})', job, run.record.title, run.place), run.place, run.repo, error, userLanguage());
}

/** Beside the tab: the run on GitHub and the environment's console links. */
function offerLinks(services: Services, run: RunTarget): void {
  const links = [{ label: vscode.l10n.t('Open Run'), url: run.record.runUrl }, ...run.environment.environment.consoleLinks.map((link) => ({ label: vscode.l10n.t('Open {0}', link.label), url: link.url }))];
  void vscode.window.showInformationMessage(vscode.l10n.t('The failure of the deployment run "{0}" of {1} is open beside; its run and console are a click away.', run.record.title, run.place), ...links.map((link) => link.label)).then((choice) => {
    const link = links.find((candidate) => candidate.label === choice);
    if (link !== undefined) {
      void openLink(link.url, services.log);
    }
  });
}
