import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import { DEMO_TOKEN, EXTENSION_ID, INFRA, admin, api, colleagueDeploys, find, latestBuild, loadedDeck, waitFor } from './support';

/** A translated command title or category is read as both: the translation (`value`) and the English (`original`). */
type Localized = string | { readonly value: string; readonly original: string };
const value = (text: Localized | undefined): string | undefined => (typeof text === 'object' ? text.value : text);

/**
 * The editor in German (code-server --locale de, with a stand-in language pack: scripts/editor/languagePack.ts):
 * what a German developer sees of Release Deck comes from package.nls.de.json and l10n/bundle.l10n.de.json.
 * Run by scripts/test-integration.ts in its German run only (the `.de.test.ts` files).
 */
describe('Release Deck in an editor whose display language is German', () => {
  it('names its commands, views and settings in German', () => {
    assert.equal(vscode.env.language, 'de', 'the editor runs in German');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: Array<{ command: string; title: Localized; category: Localized }>; views: Record<string, Array<{ id: string; name: string }>> };
    };
    const title = (command: string): string | undefined => value(manifest.contributes.commands.find((candidate) => candidate.command === command)?.title);
    assert.equal(title(COMMANDS.deploy), 'Bereitstellen…');
    assert.equal(title(COMMANDS.rollBack), 'Zurückrollen…');
    assert.equal(title(COMMANDS.publishRelease), 'GitHub-Release veröffentlichen…');
    assert.equal(title(COMMANDS.signInWithToken), 'Mit Token anmelden…');
    assert.equal(value(manifest.contributes.commands.find((candidate) => candidate.command === COMMANDS.deploy)?.category), 'Release Deck');
    assert.deepEqual(manifest.contributes.commands.find((candidate) => candidate.command === COMMANDS.deploy)?.title, { value: 'Bereitstellen…', original: 'Deploy…' }, 'the palette also finds the English title');
    assert.equal(manifest.contributes.views.releaseDeck?.find((view) => view.id === 'releaseDeck.needsYou')?.name, 'Braucht Sie');
  });

  it('says what happened in German, with times as a German reads them', async () => {
    const deck = await loadedDeck();
    const history = find(deck.describeDeck(), 'API', 'Verlauf Production');
    assert.match(history.children[0]?.description ?? '', / · vor \d+ (Minuten?|Stunden?|Tag(en)?|Wochen?|Monat(en)?|Jahr(en)?) von \S+$/, 'when and by whom, in German');
    try {
      await admin('faults', { path: '/releases$', kind: 'status', status: 500, count: 3 });
      await deck.refresh();
      assert.match(deck.describeDeck()[0]?.label ?? '', /^Veraltet: Daten von vor \d+ Sekunden?\. GitHub antwortete 500 \(ein Serverfehler\) beim Versuch, .+ Versuchen Sie es in einer Minute erneut\.$/, 'GitHub\'s refusal in German too');
    } finally {
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
    }
  });

  it('shows the deck\'s rows, tooltips, spoken labels and state details in German', async () => {
    const deck = await loadedDeck();
    const rows = deck.describeDeck();
    // Rows and their spoken labels (tree items, src/ui).
    assert.equal(find(rows, 'API', 'Production').spoken, 'API Production, aktuell, läuft mit rel-2026.11.12.14.05.33');
    assert.equal(find(rows, 'Frontend', 'Production').description, 'letzte Bereitstellung fehlgeschlagen · rel-2026.10.10.11.00.00');
    assert.equal(find(rows, 'Indexer worker', 'Production').description, 'läuft immer mit „latest“');
    const history = find(rows, 'API', 'Verlauf Production');
    assert.equal(history.spoken, 'API Production: Verlauf, 4 Bereitstellungen, 1 fehlgeschlagen');
    assert.match(history.children[0]?.description ?? '', /^läuft jetzt · /);
    assert.match(history.children[1]?.description ?? '', /^fehlgeschlagen nach \d+ (s|Min\.)/, 'how it ended and how long it took: words of src/domain');
    assert.match(history.children[2]?.description ?? '', /^zuletzt als funktionierend bekannt · /);
    const draft = find(rows, 'API').children.find((item) => item.label.startsWith('Entwurf '));
    assert.match(draft?.description ?? '', /^\d+ Änderungen?$/);
    assert.match(draft?.tooltip ?? '', /^\*\*GitHub-Release-Entwurf api-[\d.]+\*\*\n\nDas Veröffentlichen erstellt das Git-Tag `api-[\d.]+`[^]*Ein noch nicht veröffentlichtes GitHub-Release\./, 'the tooltip and its glossary text');
    assert.match(find(rows, 'Catalog', 'Production').children[0]?.label ?? '', /^Bereitstellung von Hand mit Ansible$/);
    // A detail built in src/domain (buildDeck) in the tooltip, with the tooltip's own words around it.
    const frontend = deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.environments.find((environment) => environment.environment.id === 'production');
    assert.match(frontend?.stateDetail ?? '', /^Die letzte Bereitstellung \(rel-[\d.]+\) endete mit failure\. rel-2026\.10\.10\.11\.00\.00 läuft weiterhin\.$/);
    const tooltip = find(rows, 'Frontend', 'Production').tooltip ?? '';
    assert.ok(tooltip.includes(frontend?.stateDetail ?? '-'), tooltip);
    assert.match(tooltip, /Image-Tag: `rel-2026\.10\.10\.11\.00\.00`/);
    assert.match(tooltip, /Fehlgeschlagene Ausführung: /);
  });

  it('says in German why the file a manual deployment is recorded in could not be read (the deck\'s state detail and tooltip)', async () => {
    const deck = await loadedDeck();
    try {
      await admin('faults', { path: `^/repos/${INFRA}/commits$`, kind: 'status', status: 500, count: 20 });
      await deck.refresh();
      const catalog = deck.state().snapshot?.apps.find((app) => app.app.id === 'catalog')?.environments.find((environment) => environment.environment.id === 'production');
      assert.match(
        catalog?.stateDetail ?? '',
        /^environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure konnte nicht gelesen werden: GitHub antwortete 500 \(ein Serverfehler\) beim Versuch, den neuesten Commit von WordPress\/openverse-infrastructure zu lesen\. Das ist meist nur kurz: Versuchen Sie es in einer Minute erneut; daher ist nicht bekannt, was dort läuft\.$/,
      );
      const tooltip = find(deck.describeDeck(), 'Catalog', 'Production').tooltip ?? '';
      assert.ok(tooltip.includes(catalog?.stateDetail ?? '-'), tooltip);
    } finally {
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
    }
  });

  it('titles the release notes panel and writes its sentences in German, and names the Needs You entries in German', async () => {
    const deck = await loadedDeck();
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'frontend');
    const notes = await waitFor('the frontend notes to load', () => deck.testing?.releaseNotesView('frontend'));
    // The page's sentences built in src/domain (releaseNotes.ts, process.ts): what publishing sets off, which commits are listed.
    assert.ok(notes.effects.some((effect) => /^Dann wird Frontend production automatisch bereitgestellt: rel-[\d.]+ → rel-[\d.]+\.$/.test(effect)), notes.effects.join('\n'));
    assert.ok(notes.effects.includes('Ein Changelog-Pull-Request wird geöffnet, den Sie prüfen.'), notes.effects.join('\n'));
    assert.match(notes.compareNote, /^(Keiner|\d+) von \d+ Commits? des Monorepos seit |^Die Commits seit /);
    // The glossary keeps "Release Notes" in German (l10n/README.md): the title comes from l10n/bundle.l10n.de.json all the same.
    assert.ok(vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.label === 'Release Notes · Frontend'), 'a panel titled for the app');
    const failed = await waitFor('Needs You to list the failed frontend deployment', () => deck.testing?.needsYou().items.find((item) => item.label.startsWith('Fehlgeschlagene Bereitstellung von rel-')));
    assert.match(failed.description ?? '', /^Frontend production · vor \d+ \S+ von \S+$/);
    assert.match(failed.tooltip ?? '', /Sehen Sie sich die fehlgeschlagene Ausführung an, dann stellen Sie erneut bereit oder rollen zurück\./);
    assert.match(deck.testing?.needsYou().badge?.tooltip ?? '', /^\d+ (Sache braucht|Dinge brauchen) Sie: .*1 fehlgeschlagene Bereitstellung/);
  });

  it('offers the buttons of the single sign-on prompt in German, and they work', async () => {
    const deck = await loadedDeck();
    const promptsBefore = deck.testing?.prompts().length ?? 0;
    try {
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, 'rd_token_not_authorized_for_sso');
      await waitFor('the token to be kept', () => deck.state().credential?.login === 'sso-maintainer');
      // A person clicks the German "Authorize for SSO": the button still does its job.
      deck.testing?.answerPrompts('Für SSO autorisieren');
      await deck.refresh();
      const prompt = await waitFor('the SSO prompt', () => deck.testing?.prompts().slice(promptsBefore).find((shown) => /single sign-on/.test(shown.message)));
      assert.deepEqual(prompt.actions, ['Für SSO autorisieren', 'Mit Token anmelden…']);
      assert.match(deck.testing?.openedLinks().at(-1) ?? '', /^https:\/\/github\.com\/orgs\/WordPress\/sso\?/, 'the German button opens GitHub\'s authorization page');
    } finally {
      deck.testing?.answerPrompts(undefined);
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
      await waitFor('the demo token back', () => deck.state().credential?.login === 'octo-maintainer');
    }
  });

  it('asks for a deployment in German: the version pick, the modal, and nothing sent when the person says no', async () => {
    const deck = await loadedDeck();
    // The pick, read from the real command (answered with a cancel, so nothing is deployed).
    const window = vscode.window as { showQuickPick: unknown };
    const original = window.showQuickPick;
    let offered: { items: vscode.QuickPickItem[]; title?: string; placeHolder?: string } | undefined;
    window.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      offered = { items: [...(await items)], ...(options?.title !== undefined ? { title: options.title } : {}), ...(options?.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}) };
      return undefined;
    };
    try {
      await vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'production' });
    } finally {
      window.showQuickPick = original;
    }
    assert.match(offered?.title ?? '', /^Bereitstellen in API production \(dort läuft \S+\)$/);
    assert.equal(offered?.placeHolder, 'Wählen Sie das Image-Tag, das bereitgestellt werden soll');
    assert.equal(offered?.items[0]?.label, '$(edit) Image-Tag oder Commit-SHA eingeben…');
    const tag = (offered?.items.find((item) => item.label.startsWith('$(tag) ')) as { imageTag?: string } | undefined)?.imageTag;
    assert.ok(tag !== undefined, 'a release is offered');

    await admin('stats/reset');
    const before = deck.testing?.confirmations().length ?? 0;
    deck.testing?.answerConfirmations(false);
    try {
      await vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'production', imageTag: tag });
    } finally {
      deck.testing?.answerConfirmations(undefined);
    }
    const asked = deck.testing?.confirmations().slice(before)[0];
    assert.equal(asked?.message, `PRODUKTION bereitstellen: API production auf ${tag}?`);
    assert.match(asked?.detail ?? '', new RegExp(`^App: API\\nUmgebung: Production \\(Produktion\\)\\nLäuft jetzt: \\S+\\nZiel: ${tag.replace(/\./g, '\\.')}( \\(GitHub-Release \\S+\\))?\\nWie: \\S+ in ${INFRA}`));
    assert.equal(asked?.confirmLabel, 'Bereitstellen');
    const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string }> };
    assert.equal(stats.log.filter((entry) => entry.method === 'POST').length, 0, 'nothing was sent');
  });

  it("says GitHub's refusal of a cancel in German, with GitHub's error in German, and cancels in German", async () => {
    const deck = await loadedDeck();
    const head = await latestBuild('frontend');
    await colleagueDeploys('deploy-staging-frontend.yml', { tag: head.sha, run_name: head.title });
    await deck.refresh();
    deck.testing?.answerConfirmations(true);
    try {
      await admin('faults', { path: '/cancel$', kind: 'status', status: 404, count: 1 });
      const before = deck.testing?.confirmations().length ?? 0;
      const refused = await vscode.commands.executeCommand<{ kind: string; problem?: string; actions?: string[] } | undefined>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
      assert.equal(deck.testing?.confirmations().slice(before)[0]?.message, 'Die Bereitstellungsausführung von Frontend staging abbrechen?');
      assert.equal(refused?.kind, 'refused');
      assert.match(
        refused?.problem ?? '',
        new RegExp(`^GitHub hat abgelehnt, „.+“ \\(Frontend staging\\) abzubrechen\\. Es wurde nichts geändert; das Deck wird aktualisiert, um zu zeigen, wo die Ausführung jetzt steht\\. \\(GitHub antwortete 404 Not Found beim Versuch, die Workflowausführung \\d+ von ${INFRA} abzubrechen \\(GitHub meldete: „Not Found“\\): Es existiert nicht, oder das angemeldete Konto kann es nicht sehen\\.\\)$`),
      );
      assert.deepEqual(refused?.actions, [], 'no Authorize for SSO for a refusal that is not SSO');
      await admin('faults', undefined, 'DELETE');
      const cancelled = await vscode.commands.executeCommand<{ kind: string } | undefined>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
      assert.equal(cancelled?.kind, 'cancelled');
    } finally {
      deck.testing?.answerConfirmations(undefined);
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
    }
  });

  it('says a broken profile file\'s problems in German in the Problems panel, and in English in the log', async () => {
    const deck = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = path.join(folder.uri.fsPath, '.vscode', 'release-deck.json');
    const original = readFileSync(file, 'utf8');
    const broken = JSON.parse(original) as Record<string, unknown> & { apps: Array<Record<string, unknown>> };
    delete broken.infrastructureRepo;
    const first = broken.apps[0];
    assert.ok(first);
    first.envirnoments = [];
    const logged = deck.testing?.logLines().length ?? 0;
    writeFileSync(file, JSON.stringify(broken, null, 2));
    try {
      await waitFor('the profile to be reported broken', () => deck.state().profile.kind === 'broken');
      const uri = vscode.Uri.file(file);
      const diagnostics = await waitFor('the problems to reach the Problems panel', () => {
        const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Release Deck');
        return found.length >= 2 ? found : undefined;
      });
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.message).sort(), ['$.apps[0].envirnoments: "envirnoments" ist hier kein Feld des Profils (prüfen Sie die Schreibweise).', '$: "infrastructureRepo" ist hier erforderlich.']);
      const line = await waitFor('the log to say why', () => deck.testing?.logLines().slice(logged).find((each) => each.startsWith('Profile: ')));
      assert.match(line, /has 2 problems: \$ "infrastructureRepo" is required here\.; \$\.apps\[0\]\.envirnoments "envirnoments" is not a profile field here \(check its spelling\)\.$/, 'the log stays English');
    } finally {
      writeFileSync(file, original);
    }
    await waitFor('the profile to load again', () => deck.state().profile.kind === 'workspace');
    await waitFor('the Problems panel to be cleared', () => (vscode.languages.getDiagnostics(vscode.Uri.file(file)).some((diagnostic) => diagnostic.source === 'Release Deck') ? undefined : true));
  });

  it('writes a deployment\'s outcome to the log in English while telling the person in German', async () => {
    const deck = await loadedDeck();
    const logged = deck.testing?.logLines().length ?? 0;
    deck.testing?.answerConfirmations(true);
    try {
      // GitHub cannot list the deployment workflow's runs: nothing is sent, and the outcome is a problem.
      await admin('faults', { path: '/deploy-staging-api\\.yml/runs$', kind: 'status', status: 500, count: 20 });
      const result = await vscode.commands.executeCommand<{ problem?: string; nothingStarted: boolean } | undefined>(COMMANDS.deploy, { appId: 'api', environmentId: 'staging', imageTag: 'rel-2026.11.12.14.05.33', reason: 'integration test' });
      assert.equal(result?.nothingStarted, true);
      assert.match(result?.problem ?? '', /^GitHub antwortete 500 .* Auf API staging läuft weiterhin /, 'the person reads German');
      const line = deck.testing?.logLines().slice(logged).find((each) => each.includes(' deploying API staging to rel-2026.11.12.14.05.33: '));
      assert.match(line ?? '', /: GitHub answered 500 \(a server error\) .* Nothing was sent: without its runs, Release Deck cannot tell whether a deployment of API staging is already under way\. API staging still runs \S+\.$/, `the log stays English: ${line ?? '(no line)'}`);
    } finally {
      deck.testing?.answerConfirmations(undefined);
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
    }
  });

  it('says in German why a re-run is not sent after a newer deployment, and a cancel whose answer was lost', async () => {
    const deck = await loadedDeck();
    const head = await latestBuild('api');
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-api.yml' });
    await colleagueDeploys('deploy-staging-api.yml', { tag: head.sha, run_name: head.title });
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    // A newer deployment finishes on GitHub; the deck still shows the failed one.
    await colleagueDeploys('deploy-staging-api.yml', { tag: head.sha, run_name: head.title });
    await admin('clock', { advanceSeconds: 120 });
    deck.testing?.answerConfirmations(true);
    const logged = deck.testing?.logLines().length ?? 0;
    try {
      const refused = await vscode.commands.executeCommand<{ kind: string; problem?: string } | undefined>(COMMANDS.rerunFailedJobs, { appId: 'api', environmentId: 'staging' });
      assert.equal(refused?.kind, 'refused');
      const line = deck.testing?.logLines().slice(logged).find((each) => each.includes(' was not sent: '));
      assert.match(line ?? '', /Re-run of .+ was not sent: A newer deployment run of API staging/, `the log keeps English (${line ?? 'no line'})`);
      assert.match(refused?.problem ?? '', /^Nach „.+“ kam eine neuere Bereitstellungsausführung von API staging: „.+“ \(success, gestartet am .+\)\. Es wurde nichts gesendet: .+ verwenden Sie „Zurückrollen“ oder „Bereitstellen…“ im Deck/);
      const frontend = await latestBuild('frontend');
      await colleagueDeploys('deploy-staging-frontend.yml', { tag: frontend.sha, run_name: frontend.title });
      await deck.refresh();
      // The deck shows the colleague's run: a redeploy is refused in German, and logged in English.
      const busyLogged = deck.testing?.logLines().length ?? 0;
      const busy = await vscode.commands.executeCommand<{ kind: string; problem?: string } | undefined>(COMMANDS.redeploy, { appId: 'frontend', environmentId: 'staging' });
      assert.match(JSON.stringify(busy ?? {}), /ist belegt: .+Es wurde nichts gesendet/, `refused in German (${JSON.stringify(busy)})`);
      const busyLine = deck.testing?.logLines().slice(busyLogged).find((each) => each.includes(' is busy: ') || each.includes(' ist belegt'));
      assert.match(busyLine ?? '', /Frontend staging is busy: .+ Nothing was sent: wait for that run to finish, then redeploy again\./, `the log keeps English (${busyLine ?? 'no line'})`);
      await admin('faults', { path: '/cancel$', method: 'POST', kind: 'applyThenReset', count: 1 });
      const cancelled = await vscode.commands.executeCommand<{ kind: string; conclusion?: string } | undefined>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
      assert.deepEqual(cancelled, { kind: 'cancelled', conclusion: 'cancelled' });
    } finally {
      deck.testing?.answerConfirmations(undefined);
      await admin('faults', undefined, 'DELETE');
      await admin('clock', { advanceSeconds: 120 });
      await deck.refresh();
    }
  });
});
