import { english, type L10n } from './l10n';
import { urlProblem } from './links';
import { problemCollector, type ProblemWords } from './profileProblems';
import type { Profile, ProfileProblem } from './profileTypes';
import { gitTagPrefixProblem } from './tags';
import { sharedGitTag } from './tagOverlap';
import { releaseTagsProblems, tagSchemeOf, type TagScheme } from './tagScheme';

/* What the schema cannot check of a parsed profile (placeholders, paths, URLs, tag prefixes and schemes, deploy kinds): profileValidation.ts runs it after the schema. */

const MANUAL_PLACEHOLDERS = new Set(['imageTag', 'gitTag', 'environment']);
const CHANGELOG_PLACEHOLDERS = new Set(['gitTag', 'app', 'date']);

/** `rawPrefixes`: each app's gitTagPrefix as the file gives it (undefined where the default applies). */
export function semanticProblems(profile: Profile, rawPrefixes: ReadonlyArray<string | undefined>, l10n: L10n = english): ProfileProblem[] {
  const { problems, add } = problemCollector(l10n);
  const declaredRepos = new Set([profile.monorepo.toLowerCase(), profile.infrastructureRepo.toLowerCase()]);

  for (const [key, url] of Object.entries(profile.github)) {
    if (typeof url === 'string') {
      add(`$.github.${key}`, (l10n) => urlProblem(url, l10n));
    }
  }
  for (const placeholder of placeholdersIn(profile.changelogBranch)) {
    if (!CHANGELOG_PLACEHOLDERS.has(placeholder)) {
      add('$.changelogBranch', (l10n) => l10n.t('{0} is not a known placeholder; use {gitTag}, {app} or {date}.', `{${placeholder}}`));
    }
  }

  const appIds = new Map<string, number>();
  const releasing: Array<{ readonly index: number; readonly scheme: TagScheme }> = [];
  profile.apps.forEach((app, appIndex) => {
    const appPath = `$.apps[${appIndex}]`;
    const firstWithId = appIds.get(app.id);
    if (firstWithId !== undefined) {
      add(`${appPath}.id`, (l10n) => l10n.t('The app id "{0}" is already used by {1}.', app.id, `$.apps[${firstWithId}]`));
    } else {
      appIds.set(app.id, appIndex);
    }
    if (app.releaseTags?.git === undefined) {
      add(`${appPath}.gitTagPrefix`, (l10n) => gitTagPrefixProblem(app.gitTagPrefix, l10n));
    } else if (rawPrefixes[appIndex] !== undefined) {
      add(`${appPath}.gitTagPrefix`, (l10n) => l10n.t('Set either "gitTagPrefix" (date-stamped tags) or "releaseTags.git", not both: the template already says how the git tags start.'));
    }
    const releaseTags = app.releaseTags;
    const tagProblems = releaseTags !== undefined ? releaseTagsProblems(releaseTags, app.id) : [];
    // Said again in the person's language: the same checks in the same order, problem for problem.
    tagProblems.forEach((problem, index) => {
      add(`${appPath}.releaseTags.${problem.field}`, (l10n) => (releaseTags !== undefined ? releaseTagsProblems(releaseTags, app.id, l10n)[index]?.message : undefined));
    });
    // A git template refused above says nothing of which tags the app claims.
    if (app.usesReleases && !tagProblems.some((problem) => problem.field === 'git')) {
      // Two apps must not claim the same tags, wherever the template puts the app (not only a shared prefix).
      const scheme = tagSchemeOf(app);
      const tagsField = app.releaseTags?.git !== undefined ? `${appPath}.releaseTags.git` : `${appPath}.gitTagPrefix`;
      const earlier = releasing.find((other) => other.scheme.git.text === scheme.git.text);
      const overlapping = earlier === undefined ? releasing.map((other) => ({ ...other, tag: sharedGitTag(other.scheme, scheme) })).find((other) => other.tag !== undefined) : undefined;
      if (earlier !== undefined) {
        add(tagsField, (l10n) => l10n.t('The git tags "{0}" are already used by {1}; each app needs its own.', scheme.git.text, `$.apps[${earlier.index}]`));
      } else if (overlapping !== undefined) {
        add(tagsField, (l10n) => l10n.t('The git tags of this app ("{0}") and of {1} ("{2}") overlap: "{3}" would be a release of both; each app needs tags of its own.', scheme.git.text, `$.apps[${overlapping.index}]`, overlapping.scheme.git.text, overlapping.tag ?? ''));
      } else {
        releasing.push({ index: appIndex, scheme });
      }
    }
    app.sourceFolders.forEach((folder, index) => {
      if (folder.split('/').includes('..')) {
        add(`${appPath}.sourceFolders[${index}]`, (l10n) => l10n.t('"{0}" leaves the workspace folder; use a path inside it.', folder));
      }
    });
    if (app.buildPaths !== undefined) {
      buildPathsProblems(app.buildPaths).forEach(({ index, words }) => {
        add(`${appPath}.buildPaths${index !== undefined ? `[${index}]` : ''}`, words);
      });
    }
    app.envFiles.forEach((file, index) => {
      if (file.split('/').includes('..')) {
        add(`${appPath}.envFiles[${index}]`, (l10n) => l10n.t('"{0}" leaves the workspace folder; use a path inside it.', file));
      }
    });

    const environmentIds = new Map<string, number>();
    // One environment per app is deployed on publish: a publish guards, checks and follows that one.
    let deployedOnPublish: number | undefined;
    app.environments.forEach((environment, environmentIndex) => {
      const environmentPath = `${appPath}.environments[${environmentIndex}]`;
      const firstEnvironment = environmentIds.get(environment.id);
      if (firstEnvironment !== undefined) {
        add(`${environmentPath}.id`, (l10n) => l10n.t('The environment id "{0}" is already used by {1}.', environment.id, `${appPath}.environments[${firstEnvironment}]`));
      } else {
        environmentIds.set(environment.id, environmentIndex);
      }
      const versionUrl = environment.versionUrl;
      if (versionUrl !== undefined) {
        add(`${environmentPath}.versionUrl`, (l10n) => urlProblem(versionUrl, l10n));
      }
      environment.consoleLinks.forEach((link, index) => {
        add(`${environmentPath}.consoleLinks[${index}].url`, (l10n) => urlProblem(link.url, l10n));
      });
      if (environment.deployedOnPublish && !app.usesReleases) {
        add(`${environmentPath}.deployedOnPublish`, (l10n) => l10n.t('The app "{0}" has no GitHub Releases ("usesReleases": false), so publishing cannot deploy it.', app.id));
      }
      if (environment.deployedOnPublish && profile.releaseWorkflow === undefined) {
        add(`${environmentPath}.deployedOnPublish`, (l10n) => l10n.t('Set "releaseWorkflow" at the top of the profile: it is the GitHub Workflow that deploys on publish.'));
      }
      if (environment.deployedOnPublish && deployedOnPublish !== undefined) {
        const firstPath = `${appPath}.environments[${deployedOnPublish}]`;
        const firstId = app.environments[deployedOnPublish]?.id ?? '';
        add(`${environmentPath}.deployedOnPublish`, (l10n) =>
          l10n.t('Publishing a GitHub Release of "{0}" already deploys {1} ("{2}"); Release Deck guards and follows one environment per publish, so only one environment of an app can be deployed on publish.', app.id, firstPath, firstId),
        );
      } else if (environment.deployedOnPublish) {
        deployedOnPublish = environmentIndex;
      }
      const deploy = environment.deploy;
      const deployPath = `${environmentPath}.deploy`;
      if (deploy.kind === 'workflow' && !declaredRepos.has(deploy.repo.toLowerCase())) {
        const repo = deploy.repo;
        add(`${deployPath}.repo`, (l10n) => l10n.t('"{0}" is neither the monorepo nor the infrastructure repository; Release Deck only dispatches GitHub Workflows in the repositories the profile declares.', repo));
      }
      if (deploy.kind === 'manual') {
        deploy.steps.forEach((step, index) => {
          for (const field of ['title', 'command'] as const) {
            for (const placeholder of placeholdersIn(step[field] ?? '')) {
              if (!MANUAL_PLACEHOLDERS.has(placeholder)) {
                add(`${deployPath}.steps[${index}].${field}`, (l10n) => l10n.t('{0} is not a known placeholder; use {imageTag}, {gitTag} or {environment}.', `{${placeholder}}`));
              }
            }
          }
        });
        deploy.links.forEach((link, index) => {
          add(`${deployPath}.links[${index}].url`, (l10n) => urlProblem(link.url, l10n));
        });
      }
      if (deploy.kind === 'latest' && app.usesReleases) {
        add(`${deployPath}.kind`, (l10n) => l10n.t('"latest" environments belong to apps without GitHub Releases; set "usesReleases": false on {0}.', appPath));
      }
    });
  });
  return problems;
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/** What is wrong with an app's `buildPaths` (buildPaths.ts): none, a glob, a path leaving the workspace, a repeat. */
function buildPathsProblems(paths: readonly string[]): Array<{ index?: number; words: ProblemWords }> {
  if (paths.length === 0) {
    return [{ words: (l10n) => l10n.t('buildPaths names no path, so no change would rebuild the images; name the folders or files whose changes make CI build them, or remove buildPaths to use sourceFolders.') }];
  }
  return paths.flatMap((path, index) => {
    if (/[*?[\]{}!]/.test(path)) {
      const start = path.split(/[*?[\]{}!]/, 1)[0] ?? '';
      return [{ index, words: (l10n: L10n) => l10n.t('"{0}" is a pattern; name a folder or file (e.g. "{1}"), as GitHub lists commits by path, not by pattern.', path, start) }];
    }
    if (path.split('/').includes('..')) {
      return [{ index, words: (l10n: L10n) => l10n.t('"{0}" leaves the repository; use a path inside it.', path) }];
    }
    return paths.indexOf(path) < index ? [{ index, words: (l10n: L10n) => l10n.t('"{0}" is named twice.', path) }] : [];
  });
}
