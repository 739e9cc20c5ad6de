import { escapeRegExp } from './regExpText';
import { dispatchInputsOf, type DispatchInput } from './workflowInputs';

/**
 * What a GitHub Workflow file says about deploying, read from its parsed YAML (GitHub's workflow syntax:
 * `name`, `run-name`, `on.workflow_dispatch.inputs`, `on.repository_dispatch.types`, `on.release`): used by
 * Create Profile to propose environments and by Check Profile to test the profile against the file.
 */

export interface WorkflowSummary {
  readonly repo: string;
  /** The file name in .github/workflows. */
  readonly file: string;
  readonly name?: string;
  readonly runName?: string;
  /** The declared `workflow_dispatch` inputs; undefined when the workflow cannot be dispatched (the reason in `notDispatchable`). */
  readonly inputs?: readonly DispatchInput[];
  readonly notDispatchable?: string;
  readonly dispatchTypes: readonly string[];
  /** Started when a GitHub Release is published (`on: release`). */
  readonly onRelease: boolean;
}

export function summarizeWorkflow(repo: string, file: string, document: unknown): WorkflowSummary {
  const name = stringField(document, 'name');
  const runName = stringField(document, 'run-name');
  const inputs = dispatchInputsOf(document);
  const dispatch = objectField(objectField(document, 'on'), 'repository_dispatch');
  const types = listOf(dispatch?.types);
  const onRelease = triggers(document, 'release');
  return {
    repo,
    file,
    ...(name !== undefined ? { name } : {}),
    ...(runName !== undefined ? { runName } : {}),
    ...(inputs.ok ? { inputs: inputs.value } : { notDispatchable: inputs.error }),
    dispatchTypes: types,
    onRelease,
  };
}

const TAG_KEY = /^(image[_-]?tag|tag|image|version|release[_-]?tag|docker[_-]?tag)$/i;
const TAG_WORDS = /\b(image tag|docker tag|tag|version)\b/i;

/**
 * The declared input that takes the image tag: a key named like one (`tag`, `image_tag`, `version`…), else
 * the one input whose description speaks of a tag or version. Undefined when none or several could be.
 */
export function tagInputOf(inputs: readonly DispatchInput[]): DispatchInput | undefined {
  const byKey = inputs.filter((input) => TAG_KEY.test(input.key));
  if (byKey.length >= 1) {
    return byKey.find((input) => /tag/i.test(input.key)) ?? byKey[0];
  }
  const byDescription = inputs.filter((input) => input.description !== undefined && TAG_WORDS.test(input.description));
  return byDescription.length === 1 ? byDescription[0] : undefined;
}

/** An expression of the run-name that names the image tag: the tag input, or a dispatch payload's tag. */
function namesTag(expression: string, tagInput: string): boolean {
  const key = escapeRegExp(tagInput);
  return new RegExp(`\\binputs\\.${key}\\b|client_payload\\.(${key}|tag|image_tag)\\b`).test(expression);
}

/** Whether the run-name puts the image tag in each run's title (so the deck can read what a run deployed). */
export function runNameMentionsTag(runName: string | undefined, tagInput: string): boolean {
  return runName !== undefined && [...runName.matchAll(/\$\{\{([^}]*)\}\}/g)].some((match) => namesTag(match[1] ?? '', tagInput));
}

/**
 * The profile's `runTitle` for a run-name: its expressions that name the tag become `{imageTag}`, any other
 * `*`. Undefined when the run-name names no tag (the deck then reads a tag wherever a title shows one).
 */
export function runTitleOf(runName: string | undefined, tagInput: string): string | undefined {
  if (runName === undefined || !runNameMentionsTag(runName, tagInput)) {
    return undefined;
  }
  const title = runName.replace(/\$\{\{([^}]*)\}\}/g, (_, expression: string) => (namesTag(expression, tagInput) ? '{imageTag}' : '*')).replace(/\*(\s*\*)+/g, '*');
  return title.length <= 200 ? title : undefined;
}

const ENVIRONMENT_WORDS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^(production|prod|prd|live)$/, 'production', 'Production'],
  [/^(staging|stage|stg)$/, 'staging', 'Staging'],
  [/^(development|dev)$/, 'development', 'Development'],
  [/^(preview|review)$/, 'preview', 'Preview'],
  [/^(qa|test|testing|uat)$/, 'qa', 'QA'],
  [/^(sandbox)$/, 'sandbox', 'Sandbox'],
];

/** The words of a workflow's file name, name and dispatch types, lower case. */
export function wordsOf(summary: Pick<WorkflowSummary, 'file' | 'name' | 'dispatchTypes'>): string[] {
  const text = [summary.file.replace(/\.ya?ml$/, ''), summary.name ?? '', ...summary.dispatchTypes].join(' ');
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/** The environment a deployment workflow's words name, if one of the usual names. */
export function environmentOf(summary: Pick<WorkflowSummary, 'file' | 'name' | 'dispatchTypes'>): { readonly id: string; readonly label: string } | undefined {
  for (const word of wordsOf(summary)) {
    const known = ENVIRONMENT_WORDS.find(([pattern]) => pattern.test(word));
    if (known !== undefined) {
      return { id: known[1], label: known[2] };
    }
  }
  return undefined;
}

/** Whether the workflow's words name the app (its id, whose `_` may be written `-` or apart). */
export function namesApp(summary: Pick<WorkflowSummary, 'file' | 'name' | 'dispatchTypes'>, appId: string): boolean {
  return `_${wordsOf(summary).join('_')}_`.includes(`_${appId}_`);
}

function stringField(value: unknown, key: string): string | undefined {
  const found = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'string' ? found : undefined;
}

function objectField(value: unknown, key: string): Record<string, unknown> | undefined {
  const found = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'object' && found !== null && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `on: release`, `on: [release]` or `on: { release: … }`. */
function triggers(document: unknown, event: string): boolean {
  const on = typeof document === 'object' && document !== null ? (document as Record<string, unknown>).on : undefined;
  if (typeof on === 'string') {
    return on === event;
  }
  if (Array.isArray(on)) {
    return on.includes(event);
  }
  return typeof on === 'object' && on !== null && Object.prototype.hasOwnProperty.call(on, event);
}

/**
 * Repositories a monorepo's workflows dispatch to (`with: repository: owner/name` of a step, as
 * peter-evans/repository-dispatch and similar actions take it): where the deployment workflows may live.
 */
export function dispatchTargetsOf(documents: readonly unknown[], monorepo: string): string[] {
  const found = new Set<string>();
  for (const document of documents) {
    const jobs = field(document, 'jobs');
    for (const job of typeof jobs === 'object' && jobs !== null ? Object.values(jobs) : []) {
      const steps = field(job, 'steps');
      for (const step of Array.isArray(steps) ? (steps as unknown[]) : []) {
        const repository = field(field(step, 'with'), 'repository');
        if (typeof repository === 'string' && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) && repository.toLowerCase() !== monorepo.toLowerCase()) {
          found.add(repository);
        }
      }
    }
  }
  return [...found];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}
