import { english, type L10n } from '../domain/l10n';

/**
 * The words of the sign-in-with-token password box. They name the API root the token will be sent to,
 * so that a person sees where a token goes before pasting it (a profile may only ask for a host).
 */
export function tokenPrompt(apiUrl: string, repos: string, l10n: L10n = english): { readonly title: string; readonly prompt: string } {
  let host = apiUrl;
  try {
    host = new URL(apiUrl).host;
  } catch {
    // Not a URL (the endpoint resolver refuses those): show it as written.
  }
  return {
    title: l10n.t('Release Deck: Sign In with Token to {0}', host),
    prompt: l10n.t("The token is sent to {0} to check it, and kept in the editor's secret storage for that host. A classic token with the repo and workflow scopes, or a fine-grained token with access to {1} (contents, actions, pull requests).", apiUrl, repos),
  };
}
