import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canRerunFailed, failureHeader, failurePoint, failureTitle } from '../domain/runFailure';
import { checkedGitHubLink } from '../domain/githubLinks';
import { describeError, isGitHubError } from '../github/errors';
import { downloadLogTail, jobLogUrl } from '../github/jobLogs';
import { listRunJobs } from '../github/workflows';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { LogDocuments } from '../ui/logDocuments';
import { logRefusedWords } from './runRefusals';
import { runTarget, type RunTarget } from './runTarget';

/** What Show Failure… did: the tab it opened (title and text), or why not. */
export type ShowFailureResult = { readonly title: string; readonly text: string } | { readonly problem: string; readonly sso?: string };

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
    const run = runTarget(services, argument, 'Show Failure…', (environment) => (canRerunFailed(environment.lastDeployment) ? environment.lastDeployment : undefined), (place) => `The last deployment run of ${place} did not fail: there is no failure to show.`, false);
    if (run === undefined) {
      return undefined;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the failure of ${run.place}` }, () => readFailure(services, documents, run));
    if ('problem' in result) {
      services.log.warn(`Show Failure of ${run.record.runUrl}: ${result.problem}`);
      // A refusal for SAML SSO offers GitHub's authorization page (the X-GitHub-SSO header's URL), only on the web host in use.
      const webUrl = services.endpoints.webUrl();
      const authorize = result.sso !== undefined && webUrl !== undefined ? checkedGitHubLink(result.sso, webUrl) : '';
      void vscode.window.showWarningMessage(result.problem, ...(authorize !== '' ? ['Authorize for SSO'] : []), 'Open Run').then((choice) => {
        if (choice !== undefined) {
          void openLink(choice === 'Open Run' ? run.record.runUrl : authorize, services.log);
        }
      });
      return result;
    }
    offerLinks(services, run);
    return result;
  });
  return vscode.Disposable.from(command, documents);
}

async function readFailure(services: Services, documents: LogDocuments, run: RunTarget): Promise<ShowFailureResult> {
  const client = await services.gitHub.current();
  if (client === undefined) {
    return { problem: 'Sign in to GitHub first: the failure is read from GitHub.' };
  }
  try {
    const jobs = await listRunJobs(client, run.repo, run.record.runId);
    const point = failurePoint(jobs);
    if (point === undefined) {
      return { problem: `The jobs of "${run.record.title}" show no failed step (it ended in ${run.record.conclusion ?? 'an unknown state'}, perhaps before any step ran). Open the run on GitHub to see why.` };
    }
    let url: string;
    try {
      url = await jobLogUrl(client, run.repo, point.job.id);
    } catch (error) {
      return { problem: logRefused(run, point.job.name, error), ...(isGitHubError(error) && error.sso !== undefined ? { sso: error.sso.url } : {}) };
    }
    const tail = await downloadLogTail(url);
    const title = failureTitle(run.record.title, point);
    const text = [...failureHeader({ title: run.record.title, url: run.record.runUrl }, point, { shown: tail.lines.length, total: tail.totalLines, clipped: tail.clipped }), ...tail.lines, ''].join('\n');
    await documents.open(title, text);
    services.log.info(`Showed the failure of ${run.record.runUrl}: job "${point.job.name}", step "${point.step.name}" (${tail.lines.length} of ${tail.totalLines} log lines).`);
    return { title, text };
  } catch (error) {
    return { problem: `The failure of "${run.record.title}" (${run.place}) could not be read: ${describeError(error)}` };
  }
}

function logRefused(run: RunTarget, job: string, error: unknown): string {
  return logRefusedWords(`The log of job "${job}" of "${run.record.title}" (${run.place})`, run.place, run.repo, error);
}

/** Beside the tab: the run on GitHub and the environment's console links. */
function offerLinks(services: Services, run: RunTarget): void {
  const links = [{ label: 'Open Run', url: run.record.runUrl }, ...run.environment.environment.consoleLinks.map((link) => ({ label: `Open ${link.label}`, url: link.url }))];
  void vscode.window.showInformationMessage(`The failure of ${run.place}'s deployment run "${run.record.title}" is open beside; its run and console are a click away.`, ...links.map((link) => link.label)).then((choice) => {
    const link = links.find((candidate) => candidate.label === choice);
    if (link !== undefined) {
      void openLink(link.url, services.log);
    }
  });
}
