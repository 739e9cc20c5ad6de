import { reasonInputOf } from './workflowInputs';
import { detectTagSchemes, appIdOf, type DetectedAppTags } from './tagSchemeDetection';
import { environmentOf, namesApp, runTitleOf, summarizeWorkflow, tagInputOf, type WorkflowSummary } from './workflowDiscovery';

/**
 * Create Profile's reasoning, pure: from what was read on GitHub and in the checkout, a profile document
 * and, beside it, a note for every guess and every thing that could not be read (written as comments in
 * the file, at the field they concern). The command reads, asks what is left (the /version URLs) and writes.
 */

export interface DiscoveryInput {
  readonly monorepo: string;
  /** Where the deployment workflows were looked for besides the monorepo; the monorepo itself when the same. */
  readonly infrastructureRepo: string;
  /** Top-level folders of the checkout. */
  readonly folders: readonly string[];
  /** Environment-variable files of the checkout (paths relative to it). */
  readonly envFiles: readonly string[];
  /** The git tags of the monorepo's recent GitHub Releases, newest first, or why they could not be read. */
  readonly releaseTags: { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly why: string };
  /** Every workflow file read, parsed (`document`) or not (`error`). */
  readonly workflows: ReadonlyArray<{ readonly repo: string; readonly file: string } & ({ readonly document: unknown } | { readonly error: string })>;
  /** Repositories whose workflows could not be listed, and why. */
  readonly unreadable: ReadonlyArray<{ readonly repo: string; readonly why: string }>;
}

/** A comment for the written file: `path` is the JSON path of the field it stands above (`$`: the file's top). */
export interface DiscoveryNote {
  readonly path: string;
  readonly text: string;
}

/** An environment whose /version URL only the user can tell. */
export interface EndpointQuestion {
  readonly appIndex: number;
  readonly environmentIndex: number;
  readonly appLabel: string;
  readonly environmentLabel: string;
}

export interface DiscoveredProfile {
  readonly document: ProfileDocument;
  readonly notes: readonly DiscoveryNote[];
  readonly questions: readonly EndpointQuestion[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
interface EnvironmentDocument { [key: string]: Json | undefined; id: string; label: string; deploy: { [key: string]: Json | undefined } }
interface AppDocument { [key: string]: Json | undefined; id: string; label: string; environments: EnvironmentDocument[] }
export interface ProfileDocument { [key: string]: Json | undefined; name: string; monorepo: string; infrastructureRepo: string; apps: AppDocument[] }

/** Folders that are never an app of their own. */
const NOT_APPS = /^(\.|_|node_modules$|docs?$|documentation$|scripts?$|tools?$|test(s)?$|vendor$|build$|dist$|out$|coverage$|examples?$)/;

export function discoverProfile(input: DiscoveryInput): DiscoveredProfile {
  const notes: DiscoveryNote[] = [];
  const note = (path: string, text: string): void => {
    notes.push({ path, text });
  };
  note('$', `Written by Release Deck's "Create Profile" from ${input.monorepo} and this checkout. Comments mark what it guessed; "Release Deck: Check Profile" tests every field against GitHub.`);

  const tags = input.releaseTags.ok ? detectTagSchemes(input.releaseTags.names) : undefined;
  if (!input.releaseTags.ok) {
    note('$.apps', `The GitHub Releases of ${input.monorepo} could not be read (${input.releaseTags.why}), so no app was found from its release tags.`);
  } else if (input.releaseTags.names.length === 0) {
    note('$.apps', `${input.monorepo} has no GitHub Releases yet: apps were taken from folders and deployment workflows, and their release tags are assumed to follow Openverse's {app}-{date} scheme until a release shows otherwise.`);
  } else if (tags !== undefined && tags.unrecognised.length > 0) {
    note('$.apps', `${tags.unrecognised.length} of the ${tags.read} newest release tags fit no known scheme and name no app (e.g. ${tags.unrecognised.slice(0, 3).join(', ')}).`);
  }

  const summaries: WorkflowSummary[] = [];
  for (const workflow of input.workflows) {
    if ('error' in workflow) {
      note('$.apps', `${workflow.file} in ${workflow.repo} was skipped: ${workflow.error}.`);
    } else {
      summaries.push(summarizeWorkflow(workflow.repo, workflow.file, workflow.document));
    }
  }
  for (const { repo, why } of input.unreadable) {
    note('$.infrastructureRepo', `The workflows of ${repo} could not be read (${why}); its deployments are missing below. Sign in with a token that can read it, then run Create Profile again.`);
  }
  const deployments = summaries.filter((summary) => summary.inputs !== undefined && tagInputOf(summary.inputs) !== undefined && !summary.onRelease);
  for (const summary of summaries) {
    if (summary.inputs !== undefined && summary.inputs.length === 0 && !summary.onRelease) {
      note('$.apps', `${summary.file} in ${summary.repo} can be dispatched but declares no inputs, so it cannot be given an image tag: not taken as a deployment.`);
    } else if (summary.inputs !== undefined && tagInputOf(summary.inputs) === undefined && !summary.onRelease) {
      note('$.apps', `${summary.file} in ${summary.repo} declares the inputs ${summary.inputs.map((each) => each.key).join(', ')}, none of which looks like an image tag: not taken as a deployment.`);
    }
  }
  if (input.workflows.length === 0 && input.unreadable.length === 0) {
    note('$.apps', `No GitHub Workflows were found in ${[...new Set([input.monorepo, input.infrastructureRepo])].join(' or ')}: every environment below is a manual one to describe.`);
  }

  const apps = chooseApps(input, tags?.apps ?? [], deployments, note);
  const release = summaries.find((summary) => summary.onRelease && summary.repo === input.monorepo);
  const document: ProfileDocument = {
    name: input.monorepo.split('/')[1] ?? input.monorepo,
    monorepo: input.monorepo,
    infrastructureRepo: input.infrastructureRepo,
    ...(release !== undefined ? { releaseWorkflow: release.file } : {}),
    apps: [],
  };
  if (release !== undefined) {
    note('$.releaseWorkflow', `Guessed: ${release.file} runs when a GitHub Release is published.`);
  }
  const questions: EndpointQuestion[] = [];
  const used = new Set<WorkflowSummary>();
  apps.forEach((app, appIndex) => {
    const appPath = `$.apps[${appIndex}]`;
    const mine = deployments.filter((summary) => !used.has(summary) && (apps.length === 1 || namesApp(summary, app.id)));
    const environments: EnvironmentDocument[] = [];
    for (const summary of mine) {
      used.add(summary);
      const environment = environmentOf(summary) ?? { id: fallbackEnvironmentId(summary, app.id), label: summary.name ?? summary.file };
      const id = uniqueId(environment.id, environments.map((each) => each.id));
      const tagInput = tagInputOf(summary.inputs ?? [])?.key ?? 'tag';
      const reason = reasonInputOf(summary.inputs ?? [], tagInput);
      const runTitle = runTitleOf(summary.runName, tagInput);
      const path = `${appPath}.environments[${environments.length}]`;
      environments.push({
        id,
        label: environment.label,
        ...(id === 'production' ? { production: true } : {}),
        deploy: { kind: 'workflow', repo: summary.repo, workflow: summary.file, tagInput, ...(reason.kind === 'found' ? { reasonInput: reason.input.key } : {}), ...(runTitle !== undefined ? { runTitle } : {}) },
      });
      note(`${path}.deploy`, `Guessed from ${summary.file}${summary.name !== undefined ? ` ("${summary.name}")` : ''}: the input "${tagInput}" takes the image tag${summary.dispatchTypes.length > 0 ? `; it also runs on repository_dispatch ${summary.dispatchTypes.join(', ')}` : ''}.`);
      if (runTitle === undefined) {
        note(`${path}.deploy`, summary.runName === undefined ? 'Its runs have no run-name, so their titles do not say what they deployed: add a run-name naming the tag to the workflow.' : `Its run-name (${summary.runName}) does not name the tag, so the deck reads a tag wherever a title shows one.`);
      }
    }
    if (environments.length === 0) {
      environments.push({ id: 'production', label: 'Production', production: true, deploy: { kind: 'manual', tool: 'to describe', steps: [{ title: `Deploy {imageTag} of ${app.label} to production` }] } });
      note(`${appPath}.environments[0].deploy`, `No deployment workflow naming "${app.id}" was found: describe how it is deployed here (tool, steps, links), or point "kind": "workflow" at its workflow.`);
    }
    environments.forEach((environment, environmentIndex) => {
      questions.push({ appIndex, environmentIndex, appLabel: app.label, environmentLabel: environment.label });
    });
    const envFiles = input.envFiles.filter((file) => app.folders.some((folder) => file.startsWith(folder)));
    document.apps.push({
      id: app.id,
      label: app.label,
      ...(app.tags !== undefined && app.tags.scheme === 'semver' ? { releaseTags: { git: app.tags.gitTemplate, image: 'v{version}' } } : {}),
      ...(app.tags !== undefined && app.tags.scheme === 'date' && app.tags.name !== app.id ? { releaseTags: { git: app.tags.gitTemplate, image: 'rel-{date}' } } : {}),
      ...(app.folders.length > 0 ? { sourceFolders: app.folders } : {}),
      ...(envFiles.length > 0 ? { envFiles } : {}),
      environments,
    });
    if (app.tags?.scheme === 'semver') {
      note(`${appPath}.releaseTags`, `Read from ${app.tags.count} release tags such as ${app.tags.example}. The image tag template is a guess: set it to how the image of a release is tagged.`);
    }
    if (app.why !== undefined) {
      note(appPath, app.why);
    }
  });
  const unmatched = deployments.filter((summary) => !used.has(summary));
  if (unmatched.length > 0) {
    note('$.apps', `Deployment workflows that name none of these apps, left out: ${unmatched.map((summary) => `${summary.file} (${summary.repo})`).join(', ')}. Add an environment for each that deploys an app.`);
  }
  return { document, notes, questions };
}

interface ChosenApp {
  readonly id: string;
  readonly label: string;
  readonly folders: string[];
  readonly tags?: DetectedAppTags;
  readonly why?: string;
}

/** Apps: every app named by a release tag, and every top-level folder a deployment workflow names. */
function chooseApps(input: DiscoveryInput, tagged: readonly DetectedAppTags[], deployments: readonly WorkflowSummary[], note: (path: string, text: string) => void): ChosenApp[] {
  const folders = input.folders.filter((folder) => !NOT_APPS.test(folder));
  const folderOf = (id: string): string[] => folders.filter((folder) => appIdOf(folder) === id).map((folder) => `${folder}/`);
  const apps: ChosenApp[] = [...tagged].sort((a, b) => a.id.localeCompare(b.id)).map((tags) => ({ id: tags.id, label: labelOf(tags.name), folders: folderOf(tags.id), tags, why: `Found from its release tags (e.g. ${tags.example})${folderOf(tags.id).length > 0 ? ' and its folder' : ''}.` }));
  for (const folder of folders) {
    const id = appIdOf(folder);
    if (id !== undefined && !apps.some((app) => app.id === id) && deployments.some((summary) => namesApp(summary, id))) {
      apps.push({ id, label: labelOf(folder), folders: [`${folder}/`], why: `Found from its folder ${folder}/ and a deployment workflow that names it; no release tag names it yet.` });
    }
  }
  const left = folders.filter((folder) => !apps.some((app) => app.folders.includes(`${folder}/`)));
  if (left.length > 0 && apps.length > 0) {
    note('$.apps', `Top-level folders not taken as apps (no release tag or deployment workflow names them): ${left.map((folder) => `${folder}/`).join(', ')}.`);
  }
  if (apps.length === 0) {
    const name = input.monorepo.split('/')[1] ?? 'app';
    const id = appIdOf(name.replace(/[^A-Za-z0-9_-]/g, '_')) ?? 'app';
    apps.push({ id, label: labelOf(name), folders: [], why: 'No release tag or deployment workflow names an app: one app for the whole repository. Split it into one entry per app with its sourceFolders.' });
  }
  return apps;
}

function labelOf(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 60) || name;
}

function fallbackEnvironmentId(summary: WorkflowSummary, appId: string): string {
  const words = (summary.file.replace(/\.ya?ml$/, '').toLowerCase().split(/[^a-z0-9]+/)).filter((word) => word !== '' && word !== 'deploy' && word !== 'deployment' && !appId.split('_').includes(word));
  const id = words.join('-').replace(/^[^a-z]+/, '').slice(0, 40);
  return id !== '' ? id : 'default';
}

function uniqueId(id: string, taken: readonly string[]): string {
  let candidate = id;
  for (let index = 2; taken.includes(candidate); index += 1) {
    candidate = `${id}-${index}`.slice(0, 40);
  }
  return candidate;
}

/**
 * Why the monorepo itself could not be read (its workflow list or its releases: 404, 403, SAML SSO…), or
 * undefined. Create Profile stops on it: a profile made from a repository it cannot see would be a guess.
 */
export function monorepoUnreadable(monorepo: string, github: Pick<DiscoveryInput, 'releaseTags' | 'unreadable'>): string | undefined {
  const listing = github.unreadable.find((each) => each.repo.toLowerCase() === monorepo.toLowerCase());
  if (listing !== undefined) {
    return listing.why;
  }
  return github.releaseTags.ok ? undefined : github.releaseTags.why;
}

/** What a file's stat says, enough to tell it changed: undefined when the file does not exist. */
export type FileStamp = { readonly mtime: number; readonly size: number } | undefined;

/**
 * True when the profile file appeared or changed between Create Profile's first look (before its
 * questions) and the moment it would replace it: then it asks again rather than overwrite unseen work.
 */
export function profileChangedMeanwhile(before: FileStamp, now: FileStamp): boolean {
  if (now === undefined) {
    return false;
  }
  return before === undefined || before.mtime !== now.mtime || before.size !== now.size;
}
