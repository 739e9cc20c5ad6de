/**
 * GitHub's `X-GitHub-SSO` header ("Authenticating to the REST API" → "Personal access tokens and SAML
 * SSO" in GitHub's REST docs): an organisation that enforces SAML single sign-on refuses a credential not
 * authorized for it with a 403 carrying `required; url=https://github.com/orgs/ORG/sso?authorization_request=…`
 * (the URL authorizes it, for an hour); an answer that could hold several organisations' data leaves out
 * the refusing ones and says `partial-results; organizations=ID,ID`.
 */
export type SsoChallenge =
  | { readonly kind: 'required'; readonly url: string; readonly organization?: string }
  | { readonly kind: 'partial'; readonly organizationIds: readonly string[] };

/** Reads the header's value; undefined when absent or not in either of GitHub's two forms. */
export function parseSsoHeader(value: unknown): SsoChallenge | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const [state = '', ...rest] = value.split(';').map((part) => part.trim());
  const field = (name: string): string | undefined => {
    const entry = rest.find((part) => part.toLowerCase().startsWith(`${name}=`));
    return entry?.slice(name.length + 1).trim();
  };
  switch (state.toLowerCase()) {
    case 'required': {
      const url = field('url');
      if (url === undefined || url === '') {
        return undefined;
      }
      const organization = organizationOf(url);
      return { kind: 'required', url, ...(organization !== undefined ? { organization } : {}) };
    }
    case 'partial-results': {
      const ids = (field('organizations') ?? '').split(',').map((id) => id.trim()).filter((id) => /^\d+$/.test(id));
      return ids.length > 0 ? { kind: 'partial', organizationIds: ids } : undefined;
    }
    default:
      return undefined;
  }
}

/** The organisation's login in `…/orgs/{org}/sso…`, when the URL has that form. */
function organizationOf(url: string): string | undefined {
  try {
    const match = /^\/orgs\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/sso\/?$/.exec(new URL(url).pathname);
    return match?.[1];
  } catch {
    return undefined;
  }
}
