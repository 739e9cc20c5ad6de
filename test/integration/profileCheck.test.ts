import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import { parseProfileText } from '../../src/domain/profileValidation';
import { loadedDeck, simulatorUrl, waitFor } from './support';

function profileFile(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return path.join(folder.uri.fsPath, '.vscode', 'release-deck.json');
}

function checkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Release Deck' && diagnostic.code === 'profile-check');
}

interface ProfileShape {
  apps: Array<{ id: string; environments: Array<{ id: string; versionUrl?: string; deploy: Record<string, unknown> }> }>;
}

describe('Check Profile and Create Profile in the editor', () => {
  it('Check Profile reports a missing input, a wrong workflow name and an unreachable /version at their fields, offers the quick fix, and checks again after the fix is saved', async () => {
    const deck = await loadedDeck();
    const file = profileFile();
    const uri = vscode.Uri.file(file);
    const original = readFileSync(file, 'utf8');
    const changed = JSON.parse(original) as ProfileShape;
    const api = changed.apps[0];
    assert.ok(api?.id === 'api');
    const [staging, production] = api.environments;
    assert.ok(staging !== undefined && production !== undefined);
    staging.deploy.tagInput = 'image_tag';
    production.deploy.workflow = 'deploy-prod-api.yml';
    production.versionUrl = `${simulatorUrl()}/live/no-such-app/production/version`;
    const text = JSON.stringify(changed, null, 2);
    writeFileSync(file, text);
    try {
      await waitFor('the changed profile to load', () => {
        const status = deck.state().profile;
        return status.kind === 'workspace' && JSON.stringify(status.profile.apps[0]?.environments[1]?.deploy).includes('deploy-prod-api.yml');
      });
      await vscode.commands.executeCommand(COMMANDS.checkProfile);
      const diagnostics = await waitFor('the findings in the Problems panel', () => {
        const found = checkDiagnostics(uri);
        return found.length >= 3 ? found : undefined;
      });
      const at = (jsonPath: string): vscode.Diagnostic => {
        const diagnostic = diagnostics.find((each) => each.message.startsWith(`${jsonPath}: `));
        assert.ok(diagnostic, `a finding at ${jsonPath} among:\n${diagnostics.map((each) => each.message).join('\n')}`);
        return diagnostic;
      };
      const lines = text.split('\n');
      const lineOf = (needle: string): number => lines.findIndex((line) => line.includes(needle));
      const input = at('$.apps[0].environments[0].deploy.tagInput');
      assert.equal(input.severity, vscode.DiagnosticSeverity.Error);
      assert.match(input.message, /declares no input "image_tag" \(it declares tag, actor, run_name\)/);
      assert.equal(input.range.start.line, lineOf('"image_tag"'), 'on the field');
      const workflow = at('$.apps[0].environments[1].deploy.workflow');
      assert.match(workflow.message, /WordPress\/openverse-infrastructure has no workflow file \.github\/workflows\/deploy-prod-api\.yml/);
      assert.equal(workflow.range.start.line, lineOf('"deploy-prod-api.yml"'));
      const version = at('$.apps[0].environments[1].versionUrl');
      assert.equal(version.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(version.message, /does not answer with a commit: it answered HTTP 404/);
      assert.equal(version.range.start.line, lineOf('/live/no-such-app/'));

      const document = await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, input.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.title === 'Use "tag", the input that takes the image tag');
      assert.ok(fix?.edit, `the quick fix is offered (offered: ${actions.map((action) => action.title).join(', ')})`);
      const workflowFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, workflow.range, vscode.CodeActionKind.QuickFix.value);
      assert.equal(workflowFixes.find((action) => action.title.startsWith('Use '))?.title, 'Use deploy-production-api.yml (a workflow of the repository)');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(await document.save());
      await waitFor('the check after the saved change to clear the input finding', () => {
        const found = checkDiagnostics(uri);
        return found.length > 0 && !found.some((diagnostic) => diagnostic.message.startsWith('$.apps[0].environments[0].deploy.tagInput: ')) ? true : undefined;
      });
      assert.ok(readFileSync(file, 'utf8').includes('"tagInput": "tag"'));
    } finally {
      writeFileSync(file, original);
    }
    await waitFor('the original profile to load again', () => (deck.describeDeck().length === 5 ? true : undefined));
    await vscode.commands.executeCommand(COMMANDS.checkProfile);
    await waitFor('the Problems panel to hold no errors of the original profile', () => (checkDiagnostics(uri).every((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Error) ? true : undefined));
  });

  it('Create Profile against the simulator writes, after asking only the deployment repository and the /version URLs, a profile that validates, with comments on its guesses; Escape writes nothing', async () => {
    const deck = await loadedDeck();
    const file = profileFile();
    const original = readFileSync(file, 'utf8');
    const window = vscode.window as { showInputBox: unknown };
    const realInputBox = window.showInputBox;
    const asked: string[] = [];
    const answer = (reply: (prompt: string) => string | undefined) => {
      window.showInputBox = (options: vscode.InputBoxOptions) => {
        asked.push(options.prompt ?? '');
        const value = reply(options.prompt ?? '');
        // The box's own validation, as a person typing would meet it.
        const refusal = value !== undefined ? options.validateInput?.(value) : undefined;
        assert.ok(refusal === undefined || refusal === null, `the answer "${String(value)}" is accepted (${JSON.stringify(refusal)})`);
        return Promise.resolve(value);
      };
    };
    deck.testing?.answerConfirmations(true);
    try {
      // Escape at the first /version question: nothing is written.
      answer((prompt) => (/Which repository holds them/.test(prompt) ? 'WordPress/openverse-infrastructure' : undefined));
      await vscode.commands.executeCommand(COMMANDS.createProfile, 'WordPress/openverse');
      assert.equal(readFileSync(file, 'utf8'), original, 'Escape leaves the file as it was');
      assert.ok(deck.testing?.confirmations().some((request) => /already exists\. Replace it/.test(request.message)), 'replacing the existing profile was asked in a modal');

      asked.length = 0;
      answer((prompt) => {
        if (/Which repository holds them/.test(prompt)) {
          return 'WordPress/openverse-infrastructure';
        }
        return /Api in Production/i.test(prompt) ? `${simulatorUrl()}/live/api/production/version` : '';
      });
      await vscode.commands.executeCommand(COMMANDS.createProfile, 'WordPress/openverse');
      const written = readFileSync(file, 'utf8');
      assert.notEqual(written, original);
      assert.ok(asked.every((prompt) => /Which repository holds them|says which commit it runs/.test(prompt)), asked.join('\n'));
      assert.match(written, /^\/\/ Written by Release Deck's "Create Profile"/);
      assert.match(written, /\/\/ Guessed from deploy-production-api\.yml/);
      const parsed = parseProfileText(written);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const api = parsed.profile.apps.find((app) => app.id === 'api');
      assert.deepEqual(api?.environments.map((environment) => environment.id), ['staging', 'production']);
      assert.equal(api?.environments[1]?.versionUrl, `${simulatorUrl()}/live/api/production/version`);
      assert.deepEqual(api?.environments[1]?.deploy, { kind: 'workflow', repo: 'WordPress/openverse-infrastructure', workflow: 'deploy-production-api.yml', tagInput: 'tag', reasonInput: 'run_name', runTitle: 'Deploy {imageTag} to production-api' });
      await waitFor('the written profile to be the one in force', () => {
        const status = deck.state().profile;
        return status.kind === 'workspace' && status.profile.name === 'openverse';
      });
    } finally {
      window.showInputBox = realInputBox;
      deck.testing?.answerConfirmations(undefined);
      writeFileSync(file, original);
    }
    await waitFor('the original profile to load again', () => (deck.describeDeck().length === 5 ? true : undefined));
  });

  it('Create Profile stops on a monorepo it cannot read, runs once at a time, and asks again when the profile changed during its questions', async () => {
    const deck = await loadedDeck();
    const file = profileFile();
    const original = readFileSync(file, 'utf8');
    const window = vscode.window as { showInputBox: unknown; showErrorMessage: unknown; showInformationMessage: unknown };
    const real = { showInputBox: window.showInputBox, showErrorMessage: window.showErrorMessage, showInformationMessage: window.showInformationMessage };
    const said: string[] = [];
    const asked: string[] = [];
    window.showErrorMessage = (message: string) => {
      said.push(message);
      return Promise.resolve(undefined);
    };
    window.showInformationMessage = (message: string) => {
      said.push(message);
      return Promise.resolve(undefined);
    };
    deck.testing?.answerConfirmations(true);
    try {
      // A repository GitHub answers 404 for: the reason, never "has no deployment workflow", nothing written.
      window.showInputBox = (options: vscode.InputBoxOptions) => {
        asked.push(options.prompt ?? '');
        return Promise.resolve(undefined);
      };
      await vscode.commands.executeCommand(COMMANDS.createProfile, 'acme/not-there');
      assert.equal(asked.join('\n'), '', 'no question about deployments of a repository it could not read');
      assert.ok(said.some((message) => /could not read acme\/not-there on GitHub \(.*404.*\), so it wrote no profile/.test(message)), said.join('\n'));
      assert.equal(readFileSync(file, 'utf8'), original);

      // A second Create Profile while the first waits at a question: said, and nothing else happens.
      const pending: { release?: (value: string | undefined) => void } = {};
      window.showInputBox = (options: vscode.InputBoxOptions) => {
        asked.push(options.prompt ?? '');
        return new Promise<string | undefined>((resolve) => {
          pending.release = resolve;
        });
      };
      const first = vscode.commands.executeCommand(COMMANDS.createProfile, 'WordPress/openverse');
      await waitFor('the first Create Profile to ask its question', () => (asked.length > 0 ? true : undefined));
      await vscode.commands.executeCommand(COMMANDS.createProfile, 'WordPress/openverse');
      assert.ok(said.some((message) => /Create Profile is already running/.test(message)), said.join('\n'));

      // The file changes while the first run asks: replacing it is asked again before the rename.
      const before = deck.testing?.confirmations().filter((request) => /already exists\. Replace it/.test(request.message)).length ?? 0;
      writeFileSync(file, `${original}\n// edited meanwhile\n`);
      window.showInputBox = (options: vscode.InputBoxOptions) => Promise.resolve(/Which repository holds them/.test(options.prompt ?? '') ? 'WordPress/openverse-infrastructure' : '');
      pending.release?.(/Which repository holds them/.test(asked[0] ?? '') ? 'WordPress/openverse-infrastructure' : '');
      await first;
      const after = deck.testing?.confirmations().filter((request) => /already exists\. Replace it/.test(request.message)).length ?? 0;
      assert.equal(after - before, 1, 'asked once more, right before replacing the file that changed');
      assert.match(readFileSync(file, 'utf8'), /^\/\/ Written by Release Deck's "Create Profile"/);
      const folder = path.dirname(file);
      assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left beside the profile');
    } finally {
      Object.assign(window, real);
      deck.testing?.answerConfirmations(undefined);
      writeFileSync(file, original);
    }
    await waitFor('the original profile to load again', () => (deck.describeDeck().length === 5 ? true : undefined));
  });
});
