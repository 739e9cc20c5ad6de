import * as vscode from 'vscode';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { ssoAuthorizeLink } from './runRefusals';

/** A button of a refusal beside "Authorize for SSO": its label and what it does. */
export interface RefusalButton {
  readonly label: string;
  readonly act: () => void;
}

/**
 * Shows what GitHub refused as a warning, with "Authorize for SSO" first when the refusal is an
 * organisation's SAML SSO (as the sign-in prompt offers it), then `buttons`. Returns the buttons offered.
 */
export function showRefusal(services: Services, problem: string, error: unknown, buttons: readonly RefusalButton[] = []): readonly string[] {
  const authorize = ssoAuthorizeLink(error, services.endpoints.webUrl());
  const all: RefusalButton[] = [...(authorize !== undefined ? [{ label: vscode.l10n.t('Authorize for SSO'), act: () => void openLink(authorize, services.log) }] : []), ...buttons];
  void vscode.window.showWarningMessage(problem, ...all.map((button) => button.label)).then((choice) => all.find((button) => button.label === choice)?.act());
  return all.map((button) => button.label);
}
