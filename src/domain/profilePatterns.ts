import type { L10n } from './l10n';

/*
 * What each `pattern` of schemas/profile.schema.json asks for, in words: a person fixing their profile reads
 * "must start with a lowercase letter…", not a regular expression. Keyed by the pattern's text as the schema
 * writes it; test/unit/domain/profilePatterns.test.ts fails when the schema gains a pattern with no sentence here.
 */
const SENTENCES: Readonly<Record<string, (l10n: L10n) => string>> = {
  '^https?://': (l10n) => l10n.t('must be a web address that starts with https:// (or http://).'),
  '^(?!\\.\\.?/)[A-Za-z0-9_.-]+/(?!\\.\\.?$)[A-Za-z0-9_.-]+$': (l10n) =>
    l10n.t('must name a repository as "owner/name" (letters, digits, "-", "_" and "." only), e.g. "WordPress/openverse"; neither part may be "." or "..": no GitHub repository is named so, and it would change the API address requests go to.'),
  '^[A-Za-z0-9_.-]+\\.ya?ml$': (l10n) => l10n.t('must be the file name of a workflow in .github/workflows, without a folder, ending in .yml or .yaml, e.g. "deploy-api.yml".'),
  '^[^/\\\\]': (l10n) => l10n.t('must be a path inside the workspace folder, so it cannot start with "/" or "\\".'),
  '^[a-z][a-z0-9_]*$': (l10n) => l10n.t('must start with a lowercase letter and hold only lowercase letters, digits and "_", e.g. "ingestion_server".'),
  '^[a-z][a-z0-9_]*-$': (l10n) => l10n.t('must start with a lowercase letter, hold only lowercase letters, digits and "_", and end with "-", e.g. "api-".'),
  '^[a-z][a-z0-9_-]*$': (l10n) => l10n.t('must start with a lowercase letter and hold only lowercase letters, digits, "_" and "-", e.g. "production".'),
  '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$': (l10n) => l10n.t('must be a GitHub organization name: letters, digits and "-", not starting with "-", at most 39 characters.'),
  '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$': (l10n) => l10n.t('must be a container package name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100 characters.'),
  '^[A-Za-z_][A-Za-z0-9_-]*$': (l10n) => l10n.t('must be the name of a workflow input: letters, digits, "_" and "-", starting with a letter or "_".'),
  '\\{(imageTag|commitTitle)\\}': (l10n) => l10n.t('must hold {0} or {1}: the part of the run title that says what the run deploys.', '{imageTag}', '{commitTitle}'),
  '^[a-z_]{1,40}$': (l10n) => l10n.t('must be the name of a GitHub event, such as "workflow_dispatch" or "push".'),
};

/** What `pattern` asks for in words, or undefined for a pattern this module does not know. */
export function patternSentence(pattern: string): ((l10n: L10n) => string) | undefined {
  return SENTENCES[pattern];
}
