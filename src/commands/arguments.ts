import { ok, refuse, type Result } from '../domain/result';
import type { ReviewedDraft } from '../domain/reviewedDraft';

/**
 * The one trust boundary of command arguments. A command receives `unknown`: a node of the deck, nothing
 * (the palette), an app id (status bar, other commands) or a plain object from another extension or the
 * webview. Each field is read on its own and checked; a node is recognised by its shape and its ids are
 * read, never its data: what a command acts on comes from the latest snapshot (resolveTarget.ts). No
 * `vscode` here, so it is tested in plain Node.
 */

/** What a command was pointed at. */
export interface CommandReference {
  readonly appId: string;
  readonly environmentId?: string;
  /** A GitHub Release of the app: a draft or a published one. */
  readonly releaseId?: number;
  /** A deployment run of the environment. */
  readonly runId?: number;
  readonly imageTag?: string;
  readonly reason?: string;
  /** What the caller showed of the draft to publish (the release notes panel): publishing checks GitHub's draft against it. */
  readonly reviewed?: ReviewedDraft;
}

/** How an argument is read: nothing given (undefined), a reference, or why it is not one. */
export type ParsedArgument = Result<CommandReference | undefined>;

const MAX_ID_LENGTH = 100;
const MAX_TEXT_LENGTH = 1000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const NOT_AN_ARGUMENT = 'The command was given something it does not understand: a deck item, an app id, or { appId, environmentId?, releaseId?, runId?, imageTag?, reason?, reviewed? }.';
/** GitHub's limit on a release's notes (characters). */
const MAX_NOTES_LENGTH = 125_000;

/** Reads an own data property only: no getter runs, nothing inherited (a polluted prototype) is seen. */
function own(value: object, key: string): Result<unknown> {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined) {
      return ok(undefined);
    }
    return 'value' in descriptor ? ok(descriptor.value) : refuse(`Its "${key}" is not a plain value.`);
  } catch {
    return refuse(NOT_AN_ARGUMENT);
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idField(value: unknown, name: string): Result<string | undefined> {
  if (value === undefined) {
    return ok(undefined);
  }
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !ID_PATTERN.test(value)) {
    return refuse(`Its ${name} is not an id (letters, digits, "_", "-" and ".", at most ${MAX_ID_LENGTH}).`);
  }
  return ok(value);
}

function numberField(value: unknown, name: string): Result<number | undefined> {
  if (value === undefined) {
    return ok(undefined);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    return refuse(`Its ${name} is not a positive whole number.`);
  }
  return ok(value);
}

function textField(value: unknown, name: string): Result<string | undefined> {
  if (value === undefined) {
    return ok(undefined);
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT_LENGTH) {
    return refuse(`Its ${name} is not a text of 1 to ${MAX_TEXT_LENGTH} characters.`);
  }
  return ok(value);
}

/** `{ gitTag, targetCommitish, body }`: what was shown of a draft (the notes may be empty). */
function reviewedField(value: unknown, name: string): Result<ReviewedDraft | undefined> {
  if (value === undefined) {
    return ok(undefined);
  }
  const wrong = refuse<ReviewedDraft | undefined>(`Its ${name} is not { gitTag, targetCommitish, body } of a draft.`);
  if (!isRecord(value)) {
    return wrong;
  }
  const [gitTag, targetCommitish, body] = [own(value, 'gitTag'), own(value, 'targetCommitish'), own(value, 'body')];
  if (!gitTag.ok || !targetCommitish.ok || !body.ok) {
    return wrong;
  }
  const tag = textField(gitTag.value, `${name}.gitTag`);
  const target = textField(targetCommitish.value, `${name}.targetCommitish`);
  if (!tag.ok || !target.ok || tag.value === undefined || target.value === undefined || typeof body.value !== 'string' || body.value.length > MAX_NOTES_LENGTH) {
    return wrong;
  }
  return ok({ gitTag: tag.value, targetCommitish: target.value, body: body.value });
}

/** Reads `path` (own data properties all the way) from a value. */
function at(value: unknown, path: readonly string[]): Result<unknown> {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) {
      return ok(undefined);
    }
    const next = own(current, key);
    if (!next.ok) {
      return next;
    }
    current = next.value;
  }
  return ok(current);
}

type Fields = { readonly [K in keyof CommandReference]-?: Result<CommandReference[K] | undefined> };

function assemble(fields: Fields): ParsedArgument {
  const reference: Partial<Record<keyof CommandReference, unknown>> = {};
  for (const [key, field] of Object.entries(fields) as Array<[keyof CommandReference, Result<unknown>]>) {
    if (!field.ok) {
      return field;
    }
    if (field.value !== undefined) {
      reference[key] = field.value;
    }
  }
  // Every field was checked against its type just above.
  return reference.appId !== undefined ? ok(reference as CommandReference) : refuse(NOT_AN_ARGUMENT);
}

/** The ids each kind of deck node must carry. */
const NODE_IDS: Readonly<Record<string, ReadonlyArray<'environmentId' | 'releaseId' | 'runId'>>> = {
  app: [],
  draft: ['releaseId'],
  environment: ['environmentId'],
  history: ['environmentId'],
  manual: ['environmentId'],
  deployment: ['environmentId', 'runId'],
};

/** A node of the deck, by its shape: its kind and the ids of what it shows. */
function fromNode(node: object, kind: string, needs: ReadonlyArray<'environmentId' | 'releaseId' | 'runId'>): ParsedArgument {
  const read = <T>(path: readonly string[], check: (value: unknown, name: string) => Result<T>, name: string): Result<T> => {
    const value = at(node, path);
    return value.ok ? check(value.value, name) : value;
  };
  const parsed = assemble({
    appId: read(['app', 'app', 'id'], idField, 'app id'),
    environmentId: needs.includes('environmentId') ? read(['environment', 'environment', 'id'], idField, 'environment id') : ok(undefined),
    releaseId: needs.includes('releaseId') ? read(['draft', 'id'], numberField, 'release id') : ok(undefined),
    runId: needs.includes('runId') ? read(['record', 'runId'], numberField, 'run id') : ok(undefined),
    imageTag: ok(undefined),
    reason: ok(undefined),
    reviewed: ok(undefined),
  });
  if (parsed.ok && parsed.value !== undefined && needs.some((key) => parsed.value?.[key] === undefined)) {
    return refuse(`The ${kind} item it was given does not say which ${kind} it is.`);
  }
  return parsed;
}

/** Reads what a command was given. Nothing (or a message item of the deck) is `ok(undefined)`: the command asks. */
export function parseCommandArgument(argument: unknown): ParsedArgument {
  if (argument === undefined || argument === null) {
    return ok(undefined);
  }
  if (typeof argument === 'string') {
    const appId = idField(argument, 'app id');
    return appId.ok ? ok(appId.value !== undefined ? { appId: appId.value } : undefined) : appId;
  }
  if (!isRecord(argument)) {
    return refuse(NOT_AN_ARGUMENT);
  }
  const kind = own(argument, 'kind');
  if (!kind.ok) {
    return kind;
  }
  if (kind.value !== undefined) {
    // A message or a section of the deck names no app: the command asks (in that section).
    if (kind.value === 'message' || kind.value === 'section') {
      return ok(undefined);
    }
    const needs = typeof kind.value === 'string' && Object.hasOwn(NODE_IDS, kind.value) ? NODE_IDS[kind.value] : undefined;
    return needs !== undefined && typeof kind.value === 'string' ? fromNode(argument, kind.value, needs) : refuse(NOT_AN_ARGUMENT);
  }
  const read = <T>(key: keyof CommandReference, check: (value: unknown, name: string) => Result<T>, name: string): Result<T> => {
    const value = own(argument, key);
    return value.ok ? check(value.value, name) : value;
  };
  return assemble({
    appId: read('appId', idField, 'appId'),
    environmentId: read('environmentId', idField, 'environmentId'),
    releaseId: read('releaseId', numberField, 'releaseId'),
    runId: read('runId', numberField, 'runId'),
    imageTag: read('imageTag', textField, 'imageTag'),
    reason: read('reason', textField, 'reason'),
    reviewed: read('reviewed', reviewedField, 'reviewed'),
  });
}

const MAX_SECTION_LENGTH = 2000;

/**
 * The section of a multi-root workspace an argument names (a deck item's `section`, or `{ section }`: a
 * workspace folder's URI); undefined when it names none. Only matched against the open folders' keys.
 */
export function parseSectionArgument(argument: unknown): Result<string | undefined> {
  if (!isRecord(argument)) {
    return ok(undefined);
  }
  const section = own(argument, 'section');
  if (!section.ok || section.value === undefined) {
    return section.ok ? ok(undefined) : section;
  }
  // eslint-disable-next-line no-control-regex -- a folder's URI has no control characters
  return typeof section.value === 'string' && section.value.length <= MAX_SECTION_LENGTH && !/[\u0000-\u001f]/.test(section.value) ? ok(section.value) : refuse(`Its section is not a workspace folder's URI (at most ${MAX_SECTION_LENGTH} characters).`);
}

/**
 * The token Sign In with Token may take from its argument: only under the extension's own tests. Anything else
 * that can run a command (another extension, a command link in a workspace's markdown) could otherwise replace
 * the user's credential with its own, and every action would then be taken as its account.
 */
export function passedToken(argument: unknown, underTests: boolean): string | undefined {
  return underTests && typeof argument === 'string' && argument.trim() !== '' ? argument : undefined;
}
