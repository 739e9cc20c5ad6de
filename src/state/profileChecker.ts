import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../commandIds';
import { Disposable } from '../disposable';
import { checkedSummary, checkProfile, type CheckFinding, type CheckFix } from '../domain/profileCheck';
import { locateProblems } from '../domain/profileText';
import { plural } from '../domain/words';
import type { Log } from '../log';
import type { GitHubClients } from './gitHubClients';
import { gatherCheckFacts } from './profileCheckFacts';
import { positionAt, type ProfileSource } from './profileSource';

/** How long after the last change of the profile the check runs. */
export const CHECK_DEBOUNCE_MS = 1500;
/** The diagnostics' source and code: the quick fixes find their findings by it. */
export const CHECK_SOURCE = 'Release Deck';
export const CHECK_CODE = 'profile-check';

export type CheckOutcome =
  /** `checked`: what was read, e.g. "checked 2 repositories, 9 workflows, 6 /version endpoints". */
  | { readonly kind: 'checked'; readonly uri: vscode.Uri; readonly findings: readonly CheckFinding[]; readonly checked: string }
  | { readonly kind: 'noFile' | 'broken' | 'signedOut' };

/**
 * Check Profile: tests the profile file against GitHub and the /version endpoints (state/profileCheckFacts,
 * domain/profileCheck) and puts each finding in the Problems panel at its field, with its quick fixes.
 * Runs on demand and after every change of the profile (debounced); makes no request
 * while signed out or while the profile's host is not allowed (no client then), nor for the built-in profile.
 */
export class ProfileChecker extends Disposable {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('release-deck-check'));
  private fixes = new Map<string, readonly CheckFix[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<CheckOutcome> | undefined;
  private again = false;

  constructor(
    private readonly profiles: ProfileSource,
    private readonly gitHub: Pick<GitHubClients, 'current'>,
    private readonly log: Log,
  ) {
    super();
    this.register({ dispose: () => { clearTimeout(this.timer); } });
  }

  /** Checks after every event of these (changes of the profile), debounced. */
  follow(events: ReadonlyArray<vscode.Event<unknown>>): void {
    for (const event of events) {
      this.register(
        event(() => {
          this.schedule();
        }),
      );
    }
  }

  /** Checks again once the changes settle. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check();
    }, CHECK_DEBOUNCE_MS);
  }

  /** Checks now (one check at a time; a request during one runs once more after it). */
  async check(): Promise<CheckOutcome> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    const outcome = await this.running;
    if (this.again) {
      this.again = false;
      return this.check();
    }
    return outcome;
  }

  /** The quick fixes of a finding, by the file and the finding's JSON path. */
  fixesFor(uri: vscode.Uri, path: string): readonly CheckFix[] {
    return this.fixes.get(`${uri.toString()} ${path}`) ?? [];
  }

  private async run(): Promise<CheckOutcome> {
    const status = this.profiles.status;
    if (status.kind !== 'workspace') {
      this.clear();
      return { kind: status.kind === 'broken' ? 'broken' : 'noFile' };
    }
    const client = await this.gitHub.current();
    if (client === undefined) {
      this.clear();
      return { kind: 'signedOut' };
    }
    const started = Date.now();
    const facts = await gatherCheckFacts(client, status.profile, undefined, vscode.env.language);
    const findings = checkProfile(status.profile, facts, vscode.l10n);
    if (this.isDisposed || this.profiles.status !== status) {
      // The profile changed meanwhile: its own check follows.
      return { kind: 'checked', uri: status.uri, findings, checked: checkedSummary(facts, vscode.l10n) };
    }
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(status.uri));
    } catch {
      // Deleted meanwhile: the findings go at the top of the file's place.
    }
    this.publish(status.uri, text, findings);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.profileChecked, true);
    this.log.info(`Check Profile: ${findings.length === 0 ? 'no problems' : plural(findings.length, 'problem')} in ${Date.now() - started} ms${findings.length > 0 ? `: ${checkProfile(status.profile, facts).map((finding) => `${finding.path} ${finding.message}`).join('; ')}` : ''}`);
    return { kind: 'checked', uri: status.uri, findings, checked: checkedSummary(facts, vscode.l10n) };
  }

  private publish(uri: vscode.Uri, text: string, findings: readonly CheckFinding[]): void {
    let locations: ReadonlyArray<{ readonly offset: number; readonly length: number }> = [];
    try {
      locations = locateProblems(text, findings);
    } catch {
      // A file the reader cannot walk: every finding at its start.
    }
    this.fixes = new Map();
    const diagnostics = findings.map((finding, index) => {
      const location = locations[index] ?? { offset: 0, length: 1 };
      const range = new vscode.Range(positionAt(text, location.offset), positionAt(text, location.offset + location.length));
      const diagnostic = new vscode.Diagnostic(range, `${finding.path}: ${finding.message}`, SEVERITY[finding.severity]);
      diagnostic.source = CHECK_SOURCE;
      diagnostic.code = CHECK_CODE;
      this.fixes.set(`${uri.toString()} ${finding.path}`, finding.fixes);
      return diagnostic;
    });
    this.diagnostics.clear();
    this.diagnostics.set(uri, diagnostics);
  }

  private clear(): void {
    this.diagnostics.clear();
    this.fixes = new Map();
  }
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;
