import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { resolveRef } from './state';
import type { WorldPull, WorldRepo } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * The text of the files of a repository, as `GET …/contents/{path}` serves it: a workflow file is
 * written from the world's definition of the workflow (its `name`, `run-name` and `on:` with the
 * `workflow_dispatch` inputs it declares, GitHub's workflow syntax); any file a commit gives a text
 * (`WorldCommit.contents`) has the text of the newest such commit up to the ref, which also overrides a
 * workflow's generated file (e.g. to serve one that is not valid YAML).
 */

/** A workflow file as its definition in the world says (https://docs.github.com/actions/reference/workflow-syntax-for-github-actions). */
export function workflowFileText(workflow: WorldWorkflow): string {
  const on: Record<string, unknown> = {};
  if (workflow.on.workflowDispatch !== undefined) {
    const inputs = Object.fromEntries(
      Object.entries(workflow.on.workflowDispatch).map(([key, input]) => [
        key,
        { ...(input.description !== undefined ? { description: input.description } : {}), required: input.required ?? false, type: 'string', ...(input.default !== undefined ? { default: input.default } : {}) },
      ]),
    );
    on.workflow_dispatch = Object.keys(inputs).length > 0 ? { inputs } : null;
  }
  if (workflow.on.repositoryDispatch !== undefined) {
    on.repository_dispatch = { types: [...workflow.on.repositoryDispatch] };
  }
  if (workflow.on.release !== undefined) {
    on.release = { types: [...workflow.on.release] };
  }
  const document = {
    name: workflow.name,
    ...(workflow.runName !== undefined ? { 'run-name': workflow.runName } : {}),
    on,
    jobs: { run: { 'runs-on': 'ubuntu-latest', steps: [{ name: workflow.name, run: 'echo "simulated"' }] } },
  };
  return stringify(document, { lineWidth: 0 });
}

/** The text of `path` at `ref` (branch, tag or SHA), or undefined when there is no such file. */
export function fileTextAt(repo: WorldRepo, path: string, ref: string): string | undefined {
  const index = resolveRef(repo, ref);
  if (index === undefined) {
    return undefined;
  }
  for (let at = index; at >= 0; at -= 1) {
    const text = repo.commits[at]?.contents?.[path];
    if (text !== undefined) {
      return text;
    }
  }
  const workflow = repo.workflows.find((candidate) => candidate.path === path);
  return workflow !== undefined ? workflowFileText(workflow) : undefined;
}

/** Git's blob SHA of a text: SHA-1 of `blob {length}\0{content}`. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A unified-diff patch from one text to another (one hunk: the lines removed, then the lines added). */
export function patchBetween(before: string, after: string): string {
  const old = before.split('\n');
  const next = after.split('\n');
  const removed = old.filter((line) => !next.includes(line));
  const added = next.filter((line) => !old.includes(line));
  return [`@@ -1,${old.length} +1,${next.length} @@`, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join('\n');
}

/** The head commit of a pull request that changes files (`WorldPull.contents`): its own SHA, holding them. */
export function pullHeadSha(pull: WorldPull): string | undefined {
  return pull.contents === undefined ? undefined : createHash('sha1').update(`pull ${pull.number} ${JSON.stringify(pull.contents)}`).digest('hex');
}
