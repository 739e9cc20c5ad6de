import { dispatchInputsOf, reasonInputOf, type DispatchInput } from '../domain/workflowInputs';
import type { WorkflowDeploy } from '../domain/profileTypes';
import type { GitHubClient } from './client';
import { describeError, SaidError } from './errors';
import { readFileText } from './contents';
import { yamlParser } from './yamlParser';

/** Parsed files by blob SHA: a file's content never changes under its SHA. */
const parsedBySha = new Map<string, unknown>();
const MAX_REMEMBERED = 50;

/**
 * A workflow file's parsed YAML: `GET /repos/{owner}/{repo}/contents/.github/workflows/{file}` on the
 * branch it is dispatched on (conditional: a 304 when unchanged), base64 content decoded, parsed once per
 * blob SHA. Throws a GitHubError, or a SaidError saying (in any language) that the YAML is not valid.
 */
export async function readWorkflowFile(client: GitHubClient, deploy: Pick<WorkflowDeploy, 'repo' | 'workflow' | 'ref'>): Promise<unknown> {
  const path = `.github/workflows/${deploy.workflow}`;
  const file = await readFileText(client, deploy.repo, path, deploy.ref);
  const known = parsedBySha.get(file.sha);
  if (known !== undefined) {
    return known;
  }
  let parsed: unknown;
  try {
    parsed = yamlParser()(file.text);
  } catch (error) {
    // The parser's own words have no translation: they stay as it says them.
    const detail = describeError(error).split('\n', 1)[0] ?? '';
    throw new SaidError(({ l10n }) => l10n.t('{0} is not valid YAML ({1})', path, detail));
  }
  if (parsedBySha.size >= MAX_REMEMBERED) {
    parsedBySha.clear();
  }
  parsedBySha.set(file.sha, parsed);
  return parsed;
}

export type ReasonInputResolution =
  | { readonly kind: 'profile'; readonly key: string }
  | { readonly kind: 'file'; readonly input: DispatchInput }
  | { readonly kind: 'none'; readonly why: string };

/**
 * Under which input a deployment's reason is sent: the profile's `reasonInput`, else the workflow file's
 * `workflow_dispatch` input described as a run name or reason. Never throws: an unreadable file, bad
 * YAML or no such input is a `none` saying why.
 */
export async function resolveReasonInput(client: GitHubClient, deploy: WorkflowDeploy): Promise<ReasonInputResolution> {
  if (deploy.reasonInput !== undefined) {
    return { kind: 'profile', key: deploy.reasonInput };
  }
  const where = `${deploy.workflow} in ${deploy.repo}`;
  let document: unknown;
  try {
    document = await readWorkflowFile(client, deploy);
  } catch (error) {
    return { kind: 'none', why: `${where} could not be read: ${describeError(error)}` };
  }
  const inputs = dispatchInputsOf(document);
  if (!inputs.ok) {
    return { kind: 'none', why: `${where} declares no workflow_dispatch inputs: ${inputs.error}` };
  }
  const choice = reasonInputOf(inputs.value, deploy.tagInput);
  return choice.kind === 'found' ? { kind: 'file', input: choice.input } : { kind: 'none', why: `in ${where}, ${choice.why}` };
}
