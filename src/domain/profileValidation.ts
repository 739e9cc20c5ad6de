import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import validateAgainstSchema from './generated/profileSchemaValidator';
import type { SchemaError } from './generated/profileSchemaValidator';
import { english, type L10n } from './l10n';
import { applyDefaults, type RawProfile } from './profileDefaults';
import { commandControlCharacterSentence, hazardProblems, NO_CONTROL_CHARACTERS_PATTERN } from './profileHazards';
import { patternSentence } from './profilePatterns';
import { problemAt } from './profileProblems';
import { semanticProblems } from './profileSemantics';
import { depthProblem, duplicateKeyProblems } from './profileText';
import type { ProfileChoice, ProfileProblem, ProfileValidation } from './profileTypes';
import type { DeckWithoutProfile } from './gitRemotes';

/**
 * Parses a profile file's text. Every problem found is reported, each with its JSON path, in English
 * (`message`) and in `l10n`'s language (`said`).
 */
export function parseProfileText(text: string, l10n: L10n = english): ProfileValidation {
  // Past the depth limit, what the schema says of the nesting is noise, and recursive readers (the JSONC parser first) overflow.
  const tooDeep = depthProblem(text, l10n);
  if (tooDeep !== undefined) {
    return { ok: false, problems: [tooDeep] };
  }
  // JSONC as the editor shows the file (jsonc-parser, as VS Code's own settings): comments are allowed, trailing commas are not.
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const [error] = errors;
  if (error !== undefined) {
    const code = printParseErrorCode(error.error);
    const line = lineOf(text, error.offset);
    return { ok: false, problems: [problemAt('$', (l10n) => l10n.t('The file is not valid JSON: {0} at line {1}.', code, line), l10n)] };
  }
  const duplicates = duplicateKeyProblems(text, l10n);
  const validation = validateProfile(data, l10n);
  if (duplicates.length === 0) {
    return validation;
  }
  return { ok: false, problems: [...duplicates, ...(validation.ok ? [] : validation.problems)] };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Validates a profile against the JSON schema, then with the checks a schema cannot express. */
export function validateProfile(data: unknown, l10n: L10n = english): ProfileValidation {
  if (!validateAgainstSchema(data)) {
    return { ok: false, problems: describeSchemaErrors(validateAgainstSchema.errors ?? [], l10n) };
  }
  // The schema has vouched for the shape; from here on the raw types hold.
  const raw = data as RawProfile;
  const profile = applyDefaults(raw);
  const problems = [...semanticProblems(profile, raw.apps.map((app) => app.gitTagPrefix), l10n), ...hazardProblems(profile, l10n)];
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

function describeSchemaErrors(errors: readonly SchemaError[], l10n: L10n): ProfileProblem[] {
  const seen = new Set<string>();
  const problems: ProfileProblem[] = [];
  const unknownKinds: ProfileProblem[] = [];
  for (const error of errors) {
    // A failed oneOf is explained by the errors of the branch the discriminator chose.
    if (error.keyword === 'oneOf' || error.keyword === 'if') {
      continue;
    }
    const { path, words } = describeSchemaError(error);
    const problem = problemAt(path, words, l10n);
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      (error.keyword === 'discriminator' ? unknownKinds : problems).push(problem);
    }
  }
  // An unknown deploy kind is also refused by the kind's own list of values: say it once.
  return [...problems, ...unknownKinds.filter((kind) => !problems.some((problem) => problem.path === kind.path))];
}

/** Where a schema error is and its words: a sentence for each keyword the generated validator can emit (its own `message` is English). */
function describeSchemaError(error: SchemaError): { readonly path: string; readonly words: (l10n: L10n) => string } {
  const path = jsonPathOf(error.instancePath);
  const params = error.params;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return { path, words: (l10n) => l10n.t('"{0}" is required here.', field) };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      return { path: `${path}.${field}`, words: (l10n) => l10n.t('"{0}" is not a profile field here (check its spelling).', field) };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      if (pattern === NO_CONTROL_CHARACTERS_PATTERN) {
        return { path, words: commandControlCharacterSentence };
      }
      return { path, words: patternSentence(pattern) ?? ((l10n) => l10n.t('does not match the expected form {0}.', pattern)) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      return { path, words: (l10n) => l10n.t('must be one of {0}.', allowed) };
    }
    case 'const': {
      const allowed = JSON.stringify(params.allowedValue);
      return { path, words: (l10n) => l10n.t('must be {0}.', allowed) };
    }
    case 'discriminator':
      return { path: `${path}.kind`, words: (l10n) => l10n.t('must be "workflow", "manual" or "latest".') };
    case 'type':
      return { path, words: (l10n) => typeWords(String(params.type), l10n) };
    case 'minLength':
      return { path, words: (l10n) => (limit === 1 ? l10n.t('must not be empty.') : l10n.t('must be at least {0} characters long.', limit)) };
    case 'maxLength':
      return { path, words: (l10n) => l10n.t('must be at most {0} characters long.', limit) };
    case 'minItems':
      return { path, words: (l10n) => (limit === 1 ? l10n.t('must list at least one item.') : l10n.t('must list at least {0} items.', limit)) };
    case 'maxItems':
      return { path, words: (l10n) => l10n.t('must list at most {0} items.', limit) };
    case 'uniqueItems': {
      // Ajv walks the list from its end: i is the earlier of the two equal items, j the later.
      const earlier = `[${String(params.i)}]`;
      const later = `[${String(params.j)}]`;
      return { path, words: (l10n) => l10n.t('lists the same value twice ({0} and {1}); remove one.', earlier, later) };
    }
    default: {
      // A keyword the schema does not use today: named, never in the validator's English.
      const keyword = error.keyword;
      return { path, words: (l10n) => l10n.t('does not meet the profile schema\'s "{0}" rule.', keyword) };
    }
  }
}

function typeWords(type: string, l10n: L10n): string {
  switch (type) {
    case 'string':
      return l10n.t('must be text (a JSON string).');
    case 'array':
      return l10n.t('must be a list (a JSON array).');
    case 'object':
      return l10n.t('must be an object ({ … }).');
    case 'boolean':
      return l10n.t('must be true or false.');
    case 'integer':
      return l10n.t('must be a whole number.');
    case 'number':
      return l10n.t('must be a number.');
    default:
      return l10n.t('must be of the JSON type {0}.', type);
  }
}

/**
 * The workspace's profile file wins when there is one, but only in a trusted workspace: an untrusted
 * one could point deployments at another repository, so its file is ignored (and the user told). Without
 * a usable file, `withoutFile` decides (gitRemotes.ts): Openverse's built-in profile only for a checkout of
 * WordPress/openverse or when the user chose it, else none.
 */
export function chooseProfile(input: { readonly fileText: string | undefined; readonly trusted: boolean; readonly withoutFile: DeckWithoutProfile }, l10n: L10n = english): ProfileChoice {
  if (input.fileText !== undefined && input.trusted) {
    const validation = parseProfileText(input.fileText, l10n);
    return validation.ok ? { kind: 'workspace', profile: validation.profile } : { kind: 'broken', problems: validation.problems };
  }
  const ignoredBecauseUntrusted = input.fileText !== undefined;
  const withoutFile = input.withoutFile;
  return withoutFile.kind === 'openverse'
    ? { kind: 'builtIn', ignoredBecauseUntrusted, because: withoutFile.because }
    : { kind: 'none', ignoredBecauseUntrusted, because: withoutFile.because, ...(withoutFile.repository !== undefined ? { repository: withoutFile.repository } : {}) };
}
