import * as vscode from 'vscode';

/**
 * What state cannot settle by itself and a person should hear of. State only reports it;
 * ui/conditionPrompts.ts decides how (and how often) to say it.
 */
export type Condition =
  /** GitHub refused the credential (401); it was dropped. `reason` is the error as a user reads it. */
  | { readonly kind: 'signInNeeded'; readonly reason: string }
  /**
   * An organisation's SAML single sign-on refused the credential (a 403 with X-GitHub-SSO). `authorizeUrl`
   * is GitHub's authorization page from the header when it is on the web host in force, else ''; the
   * credential's `source` says how a new session is had (the editor's account, or another token).
   */
  | {
      readonly kind: 'ssoAuthorizationNeeded';
      readonly reason: string;
      readonly organization: string | undefined;
      readonly authorizeUrl: string;
      readonly source: 'token' | 'session' | 'environment';
    }
  /** The workspace is not trusted, so its profile file at `uri` is ignored for the built-in one. */
  | { readonly kind: 'profileIgnoredUntrusted'; readonly uri: vscode.Uri };

/** Why the profile file at `uri` is ignored, for the log and the warning. */
export function untrustedProfileMessage(uri: vscode.Uri): string {
  return vscode.l10n.t('This workspace is not trusted, so Release Deck ignores its profile {0} (it could point deployments at another repository) and uses the built-in Openverse profile.', vscode.workspace.asRelativePath(uri));
}
