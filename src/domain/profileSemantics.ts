import { urlProblem } from './links';
import type { Profile, ProfileProblem } from './profileTypes';
import { gitTagPrefixProblem } from './tags';
import { sharedGitTag } from './tagOverlap';
import { releaseTagsProblems, tagSchemeOf, type TagScheme } from './tagScheme';

/* What the schema cannot check of a parsed profile (placeholders, paths, URLs, tag prefixes and schemes, deploy kinds): profileValidation.ts runs it after the schema. */

const MANUAL_PLACEHOLDERS = new Set(['imageTag', 'gitTag', 'environment']);
const CHANGELOG_PLACEHOLDERS = new Set(['gitTag', 'app', 'date']);

/** `rawPrefixes`: each app's gitTagPrefix as the file gives it (undefined where the default applies). */
export function semanticProblems(profile: Profile, rawPrefixes: ReadonlyArray<string | undefined>): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const declaredRepos = new Set([profile.monorepo.toLowerCase(), profile.infrastructureRepo.toLowerCase()]);

  for (const [key, url] of Object.entries(profile.github)) {
    if (typeof url === 'string') {
      const problem = urlProblem(url);
      if (problem) {
        add(`$.github.${key}`, problem);
      }
    }
  }
  for (const placeholder of placeholdersIn(profile.changelogBranch)) {
    if (!CHANGELOG_PLACEHOLDERS.has(placeholder)) {
      add('$.changelogBranch', `{${placeholder}} is not a known placeholder; use {gitTag}, {app} or {date}.`);
    }
  }

  const appIds = new Map<string, number>();
  const releasing: Array<{ readonly index: number; readonly scheme: TagScheme }> = [];
  profile.apps.forEach((app, appIndex) => {
    const appPath = `$.apps[${appIndex}]`;
    const firstWithId = appIds.get(app.id);
    if (firstWithId !== undefined) {
      add(`${appPath}.id`, `The app id "${app.id}" is already used by $.apps[${firstWithId}].`);
    } else {
      appIds.set(app.id, appIndex);
    }
    if (app.releaseTags?.git === undefined) {
      const prefixProblem = gitTagPrefixProblem(app.gitTagPrefix);
      if (prefixProblem) {
        add(`${appPath}.gitTagPrefix`, prefixProblem);
      }
    } else if (rawPrefixes[appIndex] !== undefined) {
      add(`${appPath}.gitTagPrefix`, `Set either "gitTagPrefix" (date-stamped tags) or "releaseTags.git", not both: the template already says how the git tags start.`);
    }
    const tagProblems = app.releaseTags !== undefined ? releaseTagsProblems(app.releaseTags, app.id) : [];
    for (const problem of tagProblems) {
      add(`${appPath}.releaseTags.${problem.field}`, problem.message);
    }
    // A git template refused above says nothing of which tags the app claims.
    if (app.usesReleases && !tagProblems.some((problem) => problem.field === 'git')) {
      // Two apps must not claim the same tags, wherever the template puts the app (not only a shared prefix).
      const scheme = tagSchemeOf(app);
      const tagsField = app.releaseTags?.git !== undefined ? `${appPath}.releaseTags.git` : `${appPath}.gitTagPrefix`;
      const earlier = releasing.find((other) => other.scheme.git.text === scheme.git.text);
      const overlapping = earlier === undefined ? releasing.map((other) => ({ ...other, tag: sharedGitTag(other.scheme, scheme) })).find((other) => other.tag !== undefined) : undefined;
      if (earlier !== undefined) {
        add(tagsField, `The git tags "${scheme.git.text}" are already used by $.apps[${earlier.index}]; each app needs its own.`);
      } else if (overlapping !== undefined) {
        add(tagsField, `The git tags of this app ("${scheme.git.text}") and of $.apps[${overlapping.index}] ("${overlapping.scheme.git.text}") overlap: "${overlapping.tag ?? ''}" would be a release of both; each app needs tags of its own.`);
      } else {
        releasing.push({ index: appIndex, scheme });
      }
    }
    app.sourceFolders.forEach((folder, index) => {
      if (folder.split('/').includes('..')) {
        add(`${appPath}.sourceFolders[${index}]`, `"${folder}" leaves the workspace folder; use a path inside it.`);
      }
    });
    if (app.buildPaths !== undefined) {
      buildPathsProblems(app.buildPaths).forEach(({ index, message }) => {
        add(`${appPath}.buildPaths${index !== undefined ? `[${index}]` : ''}`, message);
      });
    }
    app.envFiles.forEach((file, index) => {
      if (file.split('/').includes('..')) {
        add(`${appPath}.envFiles[${index}]`, `"${file}" leaves the workspace folder; use a path inside it.`);
      }
    });

    const environmentIds = new Map<string, number>();
    // One environment per app is deployed on publish: a publish guards, checks and follows that one.
    let deployedOnPublish: number | undefined;
    app.environments.forEach((environment, environmentIndex) => {
      const environmentPath = `${appPath}.environments[${environmentIndex}]`;
      const firstEnvironment = environmentIds.get(environment.id);
      if (firstEnvironment !== undefined) {
        add(`${environmentPath}.id`, `The environment id "${environment.id}" is already used by ${appPath}.environments[${firstEnvironment}].`);
      } else {
        environmentIds.set(environment.id, environmentIndex);
      }
      if (environment.versionUrl !== undefined) {
        const problem = urlProblem(environment.versionUrl);
        if (problem) {
          add(`${environmentPath}.versionUrl`, problem);
        }
      }
      environment.consoleLinks.forEach((link, index) => {
        const problem = urlProblem(link.url);
        if (problem) {
          add(`${environmentPath}.consoleLinks[${index}].url`, problem);
        }
      });
      if (environment.deployedOnPublish && !app.usesReleases) {
        add(`${environmentPath}.deployedOnPublish`, `The app "${app.id}" has no GitHub Releases ("usesReleases": false), so publishing cannot deploy it.`);
      }
      if (environment.deployedOnPublish && profile.releaseWorkflow === undefined) {
        add(`${environmentPath}.deployedOnPublish`, 'Set "releaseWorkflow" at the top of the profile: it is the GitHub Workflow that deploys on publish.');
      }
      if (environment.deployedOnPublish && deployedOnPublish !== undefined) {
        const first = app.environments[deployedOnPublish];
        add(
          `${environmentPath}.deployedOnPublish`,
          `Publishing a GitHub Release of "${app.id}" already deploys ${appPath}.environments[${deployedOnPublish}] ("${first?.id ?? ''}"); Release Deck guards and follows one environment per publish, so only one environment of an app can be deployed on publish.`,
        );
      } else if (environment.deployedOnPublish) {
        deployedOnPublish = environmentIndex;
      }
      const deploy = environment.deploy;
      const deployPath = `${environmentPath}.deploy`;
      if (deploy.kind === 'workflow' && !declaredRepos.has(deploy.repo.toLowerCase())) {
        add(
          `${deployPath}.repo`,
          `"${deploy.repo}" is neither the monorepo nor the infrastructure repository; Release Deck only dispatches GitHub Workflows in the repositories the profile declares.`,
        );
      }
      if (deploy.kind === 'manual') {
        deploy.steps.forEach((step, index) => {
          for (const field of ['title', 'command'] as const) {
            for (const placeholder of placeholdersIn(step[field] ?? '')) {
              if (!MANUAL_PLACEHOLDERS.has(placeholder)) {
                add(`${deployPath}.steps[${index}].${field}`, `{${placeholder}} is not a known placeholder; use {imageTag}, {gitTag} or {environment}.`);
              }
            }
          }
        });
        deploy.links.forEach((link, index) => {
          const problem = urlProblem(link.url);
          if (problem) {
            add(`${deployPath}.links[${index}].url`, problem);
          }
        });
      }
      if (deploy.kind === 'latest' && app.usesReleases) {
        add(`${deployPath}.kind`, `"latest" environments belong to apps without GitHub Releases; set "usesReleases": false on ${appPath}.`);
      }
    });
  });
  return problems;
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/** What is wrong with an app's `buildPaths` (buildPaths.ts): none, a glob, a path leaving the workspace, a repeat. */
function buildPathsProblems(paths: readonly string[]): Array<{ index?: number; message: string }> {
  if (paths.length === 0) {
    return [{ message: 'buildPaths names no path, so no change would rebuild the images; name the folders or files whose changes make CI build them, or remove buildPaths to use sourceFolders.' }];
  }
  return paths.flatMap((path, index) => {
    if (/[*?[\]{}!]/.test(path)) {
      return [{ index, message: `"${path}" is a pattern; name a folder or file (e.g. "${path.split(/[*?[\]{}!]/, 1)[0] ?? ''}"), as GitHub lists commits by path, not by pattern.` }];
    }
    if (path.split('/').includes('..')) {
      return [{ index, message: `"${path}" leaves the repository; use a path inside it.` }];
    }
    return paths.indexOf(path) < index ? [{ index, message: `"${path}" is named twice.` }] : [];
  });
}
