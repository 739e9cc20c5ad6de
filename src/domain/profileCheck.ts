import type { VersionFact } from './facts';
import { english, say, type L10n, type Words } from './l10n';
import type { Profile, WorkflowDeploy } from './profileTypes';
import { reasonInputOf } from './workflowInputs';
import { runNameMentionsTag, summarizeWorkflow, tagInputOf } from './workflowDiscovery';
import { versionReason } from './versionFailure';

/**
 * Check Profile's rules, pure: the profile against what GitHub and the /version endpoints answered. Each
 * finding sits at the JSON path of the field to change, with a severity and, where the answer names the
 * right value, replacements to offer as quick fixes.
 */

export type CheckSeverity = 'error' | 'warning' | 'information';

export interface CheckFix {
  readonly title: string;
  /** The field to replace (a JSON path of the profile file) and its new value. */
  readonly path: string;
  readonly value: string;
}

export interface CheckFinding {
  readonly path: string;
  readonly severity: CheckSeverity;
  readonly message: string;
  readonly fixes: readonly CheckFix[];
}

/**
 * A repository as `GET /repos/{owner}/{repo}` answered: reachable (and whether the account may push), or why not
 * (said in the findings' language: the Problems panel's, English in the log).
 */
export type RepoFact = { readonly ok: true; readonly push: boolean | undefined } | { readonly ok: false; readonly why: Words };

/** A workflow file as `GET …/contents/.github/workflows/{file}` answered. */
export type WorkflowFileFact =
  | { readonly kind: 'file'; readonly document: unknown }
  | { readonly kind: 'missing'; readonly others: readonly string[] }
  | { readonly kind: 'unreadable'; readonly why: Words };

export interface CheckFacts {
  /** By repository, lower case. */
  readonly repos: ReadonlyMap<string, RepoFact>;
  /** By workflowKey(repo, file, ref). */
  readonly workflows: ReadonlyMap<string, WorkflowFileFact>;
  /** By URL. */
  readonly versions: ReadonlyMap<string, VersionFact>;
  /** The classic token's scopes; undefined for a fine-grained token or an editor session, which list none. */
  readonly scopes: readonly string[] | undefined;
  /** Why the scopes are unknown when `GET /user` failed (undefined when it answered). */
  readonly scopesUnreadable?: Words | undefined;
  /** Workflow files and /version endpoints the profile names beyond the per-check limits: not read. */
  readonly notChecked?: { readonly workflows: number; readonly endpoints: number } | undefined;
}

/**
 * What Check Profile says when done: `problems` when an error or warning was found (each in the Problems
 * panel), else what it read and that it found nothing, naming what it did not check (information findings).
 */
export function checkSummaryMessage(findings: readonly CheckFinding[], checked: string, l10n: L10n = english): { readonly problems: boolean; readonly text: string } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const notes = findings.length - errors - warnings;
  if (errors + warnings > 0) {
    const errorWords = errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors);
    const warningWords = warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings);
    const counted = errors > 0 && warnings > 0 ? l10n.t('{0} and {1}', errorWords, warningWords) : errors > 0 ? errorWords : warningWords;
    return { problems: true, text: l10n.t('The profile does not match what GitHub and the environments answer: {0}, each at its field in the Problems panel (quick fixes where the right value is known).', counted) };
  }
  const unchecked = notes === 0 ? '' : notes === 1 ? l10n.t(' Not everything could be checked: one note in the Problems panel says what.') : l10n.t(' Not everything could be checked: {0} notes in the Problems panel say what.', notes);
  return { problems: false, text: l10n.t('Release Deck {0}: no problem found.{1}', checked, unchecked) };
}

/** What a check read, e.g. "checked 2 repositories, 9 workflows, 6 /version endpoints". */
export function checkedSummary(facts: CheckFacts, l10n: L10n = english): string {
  const repos = facts.repos.size === 1 ? l10n.t('1 repository') : l10n.t('{0} repositories', facts.repos.size);
  const workflows = facts.workflows.size === 1 ? l10n.t('1 workflow') : l10n.t('{0} workflows', facts.workflows.size);
  const endpoints = facts.versions.size === 1 ? l10n.t('1 /version endpoint') : l10n.t('{0} /version endpoints', facts.versions.size);
  return l10n.t('checked {0}, {1}, {2}', repos, workflows, endpoints);
}

export function workflowKey(repo: string, file: string, ref: string | undefined): string {
  return `${repo.toLowerCase()} ${file} ${ref ?? ''}`;
}

/** The workflow files a profile names, each once: what Check Profile reads. */
export function workflowsToRead(profile: Profile): Array<{ readonly repo: string; readonly file: string; readonly ref?: string }> {
  const seen = new Map<string, { repo: string; file: string; ref?: string }>();
  if (profile.releaseWorkflow !== undefined && profile.apps.some((app) => app.usesReleases)) {
    seen.set(workflowKey(profile.monorepo, profile.releaseWorkflow, undefined), { repo: profile.monorepo, file: profile.releaseWorkflow });
  }
  for (const app of profile.apps) {
    for (const environment of app.environments) {
      const deploy = environment.deploy;
      if (deploy.kind === 'workflow') {
        seen.set(workflowKey(deploy.repo, deploy.workflow, deploy.ref), { repo: deploy.repo, file: deploy.workflow, ...(deploy.ref !== undefined ? { ref: deploy.ref } : {}) });
      }
    }
  }
  return [...seen.values()];
}

/** What a profile's fields say that GitHub and the environments contradict, in `l10n`'s language (the Problems panel's). */
export function checkProfile(profile: Profile, facts: CheckFacts, l10n: L10n = english): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const add = (path: string, severity: CheckSeverity, message: string, fixes: readonly CheckFix[] = []): void => {
    findings.push({ path, severity, message, fixes });
  };
  const repoFields: Array<[string, string]> = [['$.monorepo', profile.monorepo], ['$.infrastructureRepo', profile.infrastructureRepo]];
  for (const [path, repo] of repoFields) {
    const fact = facts.repos.get(repo.toLowerCase());
    if (fact !== undefined && !fact.ok) {
      add(path, 'error', l10n.t('{0} cannot be reached with your token: {1}. Check the name, or sign in with a token that can read it.', repo, say(fact.why, l10n)));
    }
  }
  const missingScopes = facts.scopes === undefined ? [] : ['repo', 'workflow'].filter((scope) => !facts.scopes?.includes(scope));
  if (missingScopes.length > 0) {
    const lacks = missingScopes.length > 1 ? l10n.t('Your token lacks the repo and workflow scopes') : l10n.t('Your token lacks the {0} scope', missingScopes[0] ?? '');
    add('$', 'error', l10n.t('{0}: Release Deck needs repo to read and publish GitHub Releases and workflow to dispatch deployments. Sign in with a token that has them.', lacks));
  }
  if (facts.scopes === undefined) {
    const why = facts.scopesUnreadable !== undefined ? l10n.t('GitHub did not say who the token is ({0})', say(facts.scopesUnreadable, l10n)) : l10n.t('this sign-in (a fine-grained token or an editor session) lists no scopes to compare');
    add('$', 'information', l10n.t('Token permissions not checked: {0}. A missing permission shows only when Release Deck first reads, publishes or dispatches.', why));
  }
  const notChecked = facts.notChecked;
  if (notChecked !== undefined && notChecked.workflows > 0) {
    add('$', 'information', notChecked.workflows === 1 ? l10n.t('1 workflow not checked (limit of a check reached): the profile names more than one check reads.') : l10n.t('{0} workflows not checked (limit of a check reached): the profile names more than one check reads.', notChecked.workflows));
  }
  if (notChecked !== undefined && notChecked.endpoints > 0) {
    add('$', 'information', notChecked.endpoints === 1 ? l10n.t('1 /version endpoint not checked (limit of a check reached): the profile names more than one check reads.') : l10n.t('{0} /version endpoints not checked (limit of a check reached): the profile names more than one check reads.', notChecked.endpoints));
  }
  profile.apps.forEach((app, appIndex) => {
    if (app.registry !== undefined && facts.scopes !== undefined && !facts.scopes.includes('read:packages') && !facts.scopes.includes('write:packages')) {
      add(`$.apps[${appIndex}].registry`, 'warning', l10n.t('Your token lacks the read:packages scope, so the versions of {0} cannot be read; the build of a release is then inferred from commits.', `${app.registry.org}/${app.registry.package}`));
    }
    app.environments.forEach((environment, environmentIndex) => {
      const path = `$.apps[${appIndex}].environments[${environmentIndex}]`;
      if (environment.deploy.kind === 'workflow') {
        checkWorkflowDeploy(environment.deploy, `${path}.deploy`, facts, add, l10n);
      }
      const version = environment.versionUrl !== undefined ? facts.versions.get(environment.versionUrl) : undefined;
      if (version !== undefined && version.kind !== 'answered') {
        add(`${path}.versionUrl`, 'warning', l10n.t('{0} does not answer with a commit: {1}. The deck cannot tell what runs in {2} until it does; correct the URL if it is wrong.', environment.versionUrl ?? '', versionReason(version, l10n), `${app.label} ${environment.label}`));
      }
    });
  });
  if (profile.releaseWorkflow !== undefined && profile.apps.some((app) => app.usesReleases)) {
    const fact = facts.workflows.get(workflowKey(profile.monorepo, profile.releaseWorkflow, undefined));
    if (fact?.kind === 'missing') {
      add('$.releaseWorkflow', 'error', l10n.t('{0} has no workflow file {1}.', profile.monorepo, `.github/workflows/${profile.releaseWorkflow}`), replacements('$.releaseWorkflow', profile.releaseWorkflow, fact.others, l10n));
    }
  }
  return findings;
}

function checkWorkflowDeploy(deploy: WorkflowDeploy, path: string, facts: CheckFacts, add: (path: string, severity: CheckSeverity, message: string, fixes?: readonly CheckFix[]) => void, l10n: L10n): void {
  const repo = facts.repos.get(deploy.repo.toLowerCase());
  if (repo !== undefined && !repo.ok) {
    return;
  }
  if (repo?.ok === true && repo.push === false) {
    add(`${path}.repo`, 'warning', l10n.t('Your account cannot push to {0}, so GitHub will refuse to dispatch {1} there. Ask for write access, or use a token that has it.', deploy.repo, deploy.workflow));
  }
  const fact = facts.workflows.get(workflowKey(deploy.repo, deploy.workflow, deploy.ref));
  if (fact === undefined) {
    return;
  }
  if (fact.kind === 'unreadable') {
    add(`${path}.workflow`, 'warning', l10n.t('{0} in {1} could not be checked: {2}.', deploy.workflow, deploy.repo, say(fact.why, l10n)));
    return;
  }
  if (fact.kind === 'missing') {
    const file = `.github/workflows/${deploy.workflow}`;
    add(`${path}.workflow`, 'error', deploy.ref !== undefined ? l10n.t('{0} has no workflow file {1} on {2}.', deploy.repo, file, deploy.ref) : l10n.t('{0} has no workflow file {1}.', deploy.repo, file), replacements(`${path}.workflow`, deploy.workflow, fact.others, l10n));
    return;
  }
  const summary = summarizeWorkflow(deploy.repo, deploy.workflow, fact.document);
  if (summary.inputs === undefined) {
    add(`${path}.workflow`, 'error', l10n.t('{0} in {1} cannot be dispatched: {2}. Release Deck deploys by dispatching it with the image tag.', deploy.workflow, deploy.repo, summary.notDispatchable ?? l10n.t('it has no workflow_dispatch trigger')));
    return;
  }
  const declared = summary.inputs.map((input) => input.key);
  const listed = declared.length > 0 ? declared.join(', ') : l10n.t('none');
  if (!declared.includes(deploy.tagInput)) {
    const candidate = tagInputOf(summary.inputs);
    add(
      `${path}.tagInput`,
      'error',
      l10n.t('{0} declares no input "{1}" (it declares {2}); GitHub refuses a dispatch with an undeclared input.', deploy.workflow, deploy.tagInput, listed),
      candidate !== undefined ? [{ title: l10n.t('Use "{0}", the input that takes the image tag', candidate.key), path: `${path}.tagInput`, value: candidate.key }] : [],
    );
  }
  if (deploy.reasonInput !== undefined && !declared.includes(deploy.reasonInput)) {
    const candidate = reasonInputOf(summary.inputs, deploy.tagInput);
    add(
      `${path}.reasonInput`,
      'error',
      l10n.t('{0} declares no input "{1}" (it declares {2}); GitHub refuses a dispatch with an undeclared input.', deploy.workflow, deploy.reasonInput, listed),
      candidate.kind === 'found' ? [{ title: l10n.t('Use "{0}", the input that takes the run name', candidate.input.key), path: `${path}.reasonInput`, value: candidate.input.key }] : [],
    );
  }
  const titlesByCommit = deploy.runTitle?.includes('{commitTitle}') === true;
  if (summary.runName === undefined) {
    add(`${path}.workflow`, 'warning', l10n.t("{0} has no run-name, so GitHub titles its runs with the workflow's name and the deck cannot read what each run deployed. Add a run-name naming {1}.", deploy.workflow, `\${{ inputs.${deploy.tagInput} }}`));
  } else if (!titlesByCommit && !runNameMentionsTag(summary.runName, deploy.tagInput)) {
    add(`${path}.workflow`, 'warning', l10n.t('The run-name of {0} ({1}) does not name the tag, so the deck can read what a run deployed only when its title happens to show a tag. Add {2} to it.', deploy.workflow, summary.runName, `\${{ inputs.${deploy.tagInput} }}`));
  }
}

/** Replacements by the repository's workflow files, those sharing most words with the wrong name first (at most 5). */
function replacements(path: string, wrong: string, others: readonly string[], l10n: L10n): CheckFix[] {
  const words = new Set(wordsOfFile(wrong));
  // A word counts when it is the other's start too (prod / production).
  const shared = (file: string): number => wordsOfFile(file).filter((word) => [...words].some((other) => word.startsWith(other) || other.startsWith(word))).length;
  const ranked = others.map((file, index) => ({ file, index, score: shared(file) })).sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, 5).map(({ file }) => ({ title: l10n.t('Use {0} (a workflow of the repository)', file), path, value: file }));
}

function wordsOfFile(file: string): string[] {
  return file.replace(/\.ya?ml$/, '').toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
}
