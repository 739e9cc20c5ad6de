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
import type { Sections } from './state/sections';

/** The services the composition root builds once for the window and hands to views and commands. */
export interface WindowServices {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  /** One section per workspace folder (src/state/sections.ts); src/commands/sectionCommand.ts picks a command's. */
  readonly sections: Sections;
  readonly endpoints: EndpointService;
  readonly credentials: CredentialStore;
  /** The GitHub client of the API root and credential in force. */
  readonly gitHub: GitHubClients;
  readonly confirmer: Confirmer;
  /** The actions under way in the window, by what they act on at GitHub (operations/inFlight.ts). */
  readonly inFlight: InFlight<{ readonly what: string; readonly runUrl?: string }>;
}

/** The services of one section of the deck (one workspace folder): what a command acts through. */
export interface Services extends WindowServices {
  /** The section's key (its folder's URI); `inFlight` is the window's operations, claimed as this folder's. */
  readonly section: string;
  readonly profiles: ProfileSource;
  /** Check Profile: the profile against GitHub and the /version endpoints, in the Problems panel. */
  readonly checker: ProfileChecker;
  readonly store: DeckStore;
}
