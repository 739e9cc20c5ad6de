import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import validateAgainstSchema from './generated/profileSchemaValidator';
import type { SchemaError } from './generated/profileSchemaValidator';
import { applyDefaults, type RawProfile } from './profileDefaults';
import { controlCharacterProblem, hazardProblems, NO_CONTROL_CHARACTERS_PATTERN } from './profileHazards';
import { semanticProblems } from './profileSemantics';
import { depthProblem, duplicateKeyProblems } from './profileText';
import type { ProfileChoice, ProfileProblem, ProfileValidation } from './profileTypes';
import type { DeckWithoutProfile } from './gitRemotes';

/** Parses a profile file's text. Every problem found is reported, each with its JSON path. */
export function parseProfileText(text: string): ProfileValidation {
  // Past the depth limit, what the schema says of the nesting is noise, and recursive readers (the JSONC parser first) overflow.
  const tooDeep = depthProblem(text);
  if (tooDeep !== undefined) {
    return { ok: false, problems: [tooDeep] };
  }
  // JSONC as the editor shows the file (jsonc-parser, as VS Code's own settings): comments are allowed, trailing commas are not.
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const [error] = errors;
  if (error !== undefined) {
    return { ok: false, problems: [{ path: '$', message: `The file is not valid JSON: ${printParseErrorCode(error.error)} at line ${lineOf(text, error.offset)}.` }] };
  }
  const duplicates = duplicateKeyProblems(text);
  const validation = validateProfile(data);
  if (duplicates.length === 0) {
    return validation;
  }
  return { ok: false, problems: [...duplicates, ...(validation.ok ? [] : validation.problems)] };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Validates a profile against the JSON schema, then with the checks a schema cannot express. */
export function validateProfile(data: unknown): ProfileValidation {
  if (!validateAgainstSchema(data)) {
    return { ok: false, problems: describeSchemaErrors(validateAgainstSchema.errors ?? []) };
  }
  // The schema has vouched for the shape; from here on the raw types hold.
  const raw = data as RawProfile;
  const profile = applyDefaults(raw);
  const problems = [...semanticProblems(profile, raw.apps.map((app) => app.gitTagPrefix)), ...hazardProblems(profile)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile };
}

/** Converts a JSON pointer such as `/apps/1/id` into `$.apps[1].id`. */
export function jsonPathOf(pointer: string): string {
  if (pointer === '') {
    return '$';
  }
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
      .join('')
  );
}

function describeSchemaErrors(errors: readonly SchemaError[]): ProfileProblem[] {
  const seen = new Set<string>();
  const problems: ProfileProblem[] = [];
  for (const error of errors) {
    // A failed oneOf is explained by the errors of the branch the discriminator chose.
    if (error.keyword === 'oneOf' || error.keyword === 'if') {
      continue;
    }
    const problem = describeSchemaError(error);
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function describeSchemaError(error: SchemaError): ProfileProblem {
  const path = jsonPathOf(error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return { path, message: `"${String(params.missingProperty)}" is required here.` };
    case 'additionalProperties':
      return {
        path: `${path}.${String(params.additionalProperty)}`,
        message: `"${String(params.additionalProperty)}" is not a profile field here (check its spelling).`,
      };
    case 'pattern':
      if (params.pattern === NO_CONTROL_CHARACTERS_PATTERN) {
        return { path, message: `The command ${controlCharacterProblem('\n') ?? ''}` };
      }
      return { path, message: `does not match the expected form ${String(params.pattern)}.` };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}.` };
    case 'discriminator':
      return { path: `${path}.kind`, message: 'must be "workflow", "manual" or "latest".' };
    default:
      return { path, message: `${error.message ?? 'is invalid'}.` };
  }
}

/**
 * The workspace's profile file wins when there is one, but only in a trusted workspace: an untrusted
 * one could point deployments at another repository, so its file is ignored (and the user told). Without
 * a usable file, `withoutFile` decides (gitRemotes.ts): Openverse's built-in profile only for a checkout of
 * WordPress/openverse or when the user chose it, else none.
 */
export function chooseProfile(input: { readonly fileText: string | undefined; readonly trusted: boolean; readonly withoutFile: DeckWithoutProfile }): ProfileChoice {
  if (input.fileText !== undefined && input.trusted) {
    const validation = parseProfileText(input.fileText);
    return validation.ok ? { kind: 'workspace', profile: validation.profile } : { kind: 'broken', problems: validation.problems };
  }
  const ignoredBecauseUntrusted = input.fileText !== undefined;
  const withoutFile = input.withoutFile;
  return withoutFile.kind === 'openverse'
    ? { kind: 'builtIn', ignoredBecauseUntrusted, because: withoutFile.because }
    : { kind: 'none', ignoredBecauseUntrusted, because: withoutFile.because, ...(withoutFile.repository !== undefined ? { repository: withoutFile.repository } : {}) };
}
