/**
 * GitHub's `X-GitHub-SSO` header ("Authenticating to the REST API" → "Personal access tokens and SAML
 * SSO" in GitHub's REST docs): an organisation that enforces SAML single sign-on refuses a credential not
 * authorized for it with a 403 carrying `required; url=https://github.com/orgs/ORG/sso?authorization_request=…`
 * (the URL authorizes it, for an hour). Its other form, `partial-results; organizations=ID,…` on an
 * answer that left out such organisations' data, names no organisation and asks for nothing: not read.
 */
export interface SsoChallenge {
  readonly url: string;
  /** The organisation's login, from the URL's `/orgs/{org}/sso` path. */
  readonly organization?: string;
}

/** Reads a `required` header; undefined for anything else. */
export function parseSsoHeader(value: unknown): SsoChallenge | undefined {
  const match = typeof value === 'string' ? /^\s*required\s*;\s*url=(\S+)/i.exec(value) : null;
  if (match?.[1] === undefined) {
    return undefined;
  }
  const url = match[1];
  const organization = /^https?:\/\/[^/]+\/orgs\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/sso(?:[?#]|$)/.exec(url)?.[1];
  return organization !== undefined ? { url, organization } : { url };
}
