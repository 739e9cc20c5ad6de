/** Every command id, declared once. package.json declares the same set (a test holds both to it). */
export const COMMANDS = {
  refresh: 'releaseDeck.refresh',
  signIn: 'releaseDeck.signIn',
  signInWithToken: 'releaseDeck.signInWithToken',
  signOut: 'releaseDeck.signOut',
  allowProfileHost: 'releaseDeck.allowProfileHost',
  forgetAllowedHosts: 'releaseDeck.forgetAllowedHosts',
  openProfile: 'releaseDeck.openProfile',
  showLog: 'releaseDeck.showLog',
  copyImageTag: 'releaseDeck.copyImageTag',
  copyCommitSha: 'releaseDeck.copyCommitSha',
  openRun: 'releaseDeck.openRun',
  openRelease: 'releaseDeck.openRelease',
  openVersionEndpoint: 'releaseDeck.openVersionEndpoint',
  openConsoleLink: 'releaseDeck.openConsoleLink',
  showAppActions: 'releaseDeck.showAppActions',
  publishRelease: 'releaseDeck.publishRelease',
  openReleaseNotes: 'releaseDeck.openReleaseNotes',
  deploy: 'releaseDeck.deploy',
  redeploy: 'releaseDeck.redeploy',
  rollBack: 'releaseDeck.rollBack',
  showManualProcedure: 'releaseDeck.showManualProcedure',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Context keys that drive the welcome view and menus. */
export const CONTEXT_KEYS = {
  signedIn: 'releaseDeck.signedIn',
  profileState: 'releaseDeck.profileState',
  /** `ready`, `needsApproval` (the profile asks for a host the user has not chosen) or `invalid`. */
  endpointState: 'releaseDeck.endpointState',
} as const;

export const VIEW_ID = 'releaseDeck.deck';
