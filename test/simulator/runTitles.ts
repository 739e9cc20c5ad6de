import type { WorldWorkflow } from './worldWorkflows';

/**
 * A run's `display_title` from its workflow's `run-name`: expressions `${{ a || b }}` take operands
 * `inputs.NAME`, `github.event.client_payload.NAME`, `github.actor` and 'quoted text'.
 */

type RunFields = { inputs?: Readonly<Record<string, string>>; clientPayload?: Readonly<Record<string, unknown>>; actor: string };

function evaluate(expression: string, run: RunFields): string {
  for (const operand of expression.split('||').map((part) => part.trim())) {
    let value: unknown;
    if (/^'.*'$/.test(operand)) {
      value = operand.slice(1, -1);
    } else if (operand.startsWith('inputs.')) {
      value = run.inputs?.[operand.slice('inputs.'.length)];
    } else if (operand.startsWith('github.event.client_payload.')) {
      value = run.clientPayload?.[operand.slice('github.event.client_payload.'.length)];
    } else if (operand === 'github.actor') {
      value = run.actor;
    }
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return '';
}

/**
 * The title; `fallback` (the event's own: a push's commit message, a repository_dispatch's event type, the workflow's
 * name) without a run-name or when it comes out only whitespace (GitHub's workflow syntax, `run-name`: "If `run-name`
 * is omitted or is only whitespace, then the run name is set to event-specific information for the workflow run").
 */
export function titleFor(workflow: WorldWorkflow, run: RunFields, fallback: string): string {
  const title = workflow.runName?.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => evaluate(expression, run));
  return title === undefined || title.trim() === '' ? fallback : title;
}
