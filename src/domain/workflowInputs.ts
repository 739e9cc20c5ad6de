import { ok, refuse, type Result } from './result';

/**
 * A GitHub Workflow file's `workflow_dispatch` inputs, read from its parsed YAML, and the one that takes
 * a run name or reason. GitHub answers 422 to a dispatch naming an input the file does not declare, so
 * Release Deck sends a reason only under a key the file declares.
 */

export interface DispatchInput {
  readonly key: string;
  readonly description?: string;
  readonly required: boolean;
}

/** The declared inputs of `on.workflow_dispatch`, in the file's order. */
export function dispatchInputsOf(document: unknown): Result<DispatchInput[]> {
  const on = field(document, 'on');
  if (on === undefined) {
    return refuse('it has no "on:" key');
  }
  const dispatch = typeof on === 'string' ? (on === 'workflow_dispatch' ? {} : undefined) : Array.isArray(on) ? (on.includes('workflow_dispatch') ? {} : undefined) : field(on, 'workflow_dispatch', true);
  if (dispatch === undefined) {
    return refuse('it is not started by workflow_dispatch');
  }
  const inputs = field(dispatch, 'inputs');
  if (inputs === undefined || inputs === null) {
    return ok([]);
  }
  if (typeof inputs !== 'object' || Array.isArray(inputs)) {
    return refuse('its workflow_dispatch inputs are not a mapping');
  }
  return ok(
    Object.entries(inputs as Record<string, unknown>).map(([key, value]) => {
      const description = field(value, 'description');
      return { key, ...(typeof description === 'string' ? { description } : {}), required: field(value, 'required') === true };
    }),
  );
}

export type ReasonInputChoice =
  | { readonly kind: 'found'; readonly input: DispatchInput }
  | { readonly kind: 'none'; readonly why: string };

const NAMES_A_REASON = /\b(run[ _-]?name|name (?:of|for) (?:the |this )?(?:workflow )?run|reason)\b/i;

/**
 * The input whose description names a run name or reason (or, without a description, whose key does),
 * other than the image tag's. Two such inputs: none, since which one GitHub puts in the run's name cannot
 * be told.
 */
export function reasonInputOf(inputs: readonly DispatchInput[], tagInput: string): ReasonInputChoice {
  const candidates = inputs.filter((input) => input.key !== tagInput && NAMES_A_REASON.test(input.description ?? input.key));
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    return { kind: 'found', input: only };
  }
  if (candidates.length > 1) {
    return { kind: 'none', why: `several of its workflow_dispatch inputs could take the reason (${candidates.map((input) => input.key).join(', ')}); name one as "reasonInput" in the profile` };
  }
  const keys = inputs.map((input) => input.key);
  return { kind: 'none', why: `none of its workflow_dispatch inputs (${keys.length > 0 ? keys.join(', ') : 'it declares none'}) is described as a run name or reason` };
}

/** `value[key]` of a plain object; `allowNull`: a key present with no value (`workflow_dispatch:`) reads as {}. */
function field(value: unknown, key: string, allowNull = false): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, key)) {
    return undefined;
  }
  const found = (value as Record<string, unknown>)[key];
  return allowNull && found === null ? {} : found;
}
