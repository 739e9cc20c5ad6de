import type * as vscode from 'vscode';
import type { CredentialStore } from './auth/credentials';
import type { Log } from './log';
import type { InFlight } from './operations/inFlight';
import type { DeckStore } from './state/deckStore';
import type { EndpointService } from './state/endpoint';
import type { GitHubClients } from './state/gitHubClients';
import type { Confirmer } from './ui/confirm';
import type { ProfileChecker } from './state/profileChecker';
import type { ProfileSource } from './state/profileSource';

/** The services the composition root builds once and hands to views and commands. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly profiles: ProfileSource;
  /** Check Profile: the profile against GitHub and the /version endpoints, in the Problems panel. */
  readonly checker: ProfileChecker;
  readonly endpoints: EndpointService;
  readonly credentials: CredentialStore;
  /** The GitHub client of the API root and credential in force. */
  readonly gitHub: GitHubClients;
  readonly store: DeckStore;
  readonly confirmer: Confirmer;
  /** Publishes and deployments under way, by app (publish) or app × environment (deploy). */
  readonly inFlight: InFlight<{ readonly what: string; readonly runUrl?: string }>;
}
