import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../../../src/domain/buildDeck';
import { waitingWords } from '../../../src/domain/deploymentReview';
import { moreNews, snapshotNews } from '../../../src/domain/deckNews';
import { versionKey } from '../../../src/domain/facts';
import { english, type L10n } from '../../../src/domain/l10n';
import { needsYou, needsYouSummary } from '../../../src/domain/needsYou';
import { openverseProfile } from '../../../src/domain/openverse';
import { registryFallback } from '../../../src/domain/deckReleases';
import { wrongEnvironmentWarning } from '../../../src/domain/environmentName';
import { readRecord } from '../../../src/domain/recordedVersion';
import { publishingDetail } from '../../../src/domain/releaseChain';
import { chooseRelease, listAppCommits, noReleaseToShow, notesView, publishVariableLines } from '../../../src/domain/releaseNotes';
import { standingWords } from '../../../src/domain/rollback';
import { buildRow } from '../../../src/domain/sameBuild';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { durationWords, outcomeWords } from '../../../src/domain/runWords';
import type { DeploymentRecord } from '../../../src/domain/snapshot';
import { ago, counts, elapsed } from '../../../src/domain/words';
import { openverseFacts, run, sha } from '../fixtures/openverseFacts';
import { busyMessage } from '../../../src/domain/busyEnvironment';
import { describeTag } from '../../../src/domain/deployPlan';
import { dateTime } from '../../../src/domain/words';
import { GitHubError } from '../../../src/github/errors';
import { words } from '../../../src/operations/follow';
import { lostAnswer } from '../../../src/operations/outcome';
import { GERMAN } from '../l10n/german';
import { captureIn } from '../../../src/state/patternGuard';

/** The pure modules' L10n as vscode.l10n is in a German editor: each text looked up in l10n/bundle.l10n.de.json. */
const GERMAN_BUNDLE = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const german: L10n = {
  t: (message, ...args) => {
    const translation = GERMAN_BUNDLE[message];
    assert.ok(translation !== undefined, `no German for "${message}"`);
    return english.t(translation, ...args);
  },
};

describe('the words the pure modules build, in German', () => {
  const now = new Date('2026-11-26T09:00:00Z');

  it('says how long ago and how long, and counts, as a German reads them', () => {
    assert.equal(ago('not a date', now, 'de', german), 'zu unbekannter Zeit');
    assert.equal(elapsed('2026-11-26T08:55:00Z', now, 'de'), '5 Minuten');
    assert.equal(elapsed('2026-11-23T09:00:00Z', now, 'de'), '3 Tage');
    assert.equal(elapsed('not a date', now, 'de'), undefined);
    assert.equal(durationWords(65 * 60 * 1000, german), '1 Std. 5 Min.');
    assert.equal(durationWords(3 * 24 * 60 * 60 * 1000, german), '3 Tage');
    assert.equal(counts.commit(1, german), '1 Commit');
    assert.equal(counts.change(3, german), '3 Änderungen');
  });

  it('says how a run ended and how a review waits', () => {
    const failed = { status: 'completed', conclusion: 'failure' } as const;
    assert.equal(outcomeWords(failed, german), 'fehlgeschlagen');
    const review: DeploymentRecord['review'] = { environments: [{ id: 1, name: 'production' }], reviewers: [{ type: 'User', name: 'octo-maintainer' }, { type: 'Team', name: 'WordPress/maintainers' }], since: '2026-11-26T08:55:00Z', canReview: true };
    assert.equal(waitingWords(review, now, german, 'de'), 'wartet auf Prüfung durch octo-maintainer oder WordPress/maintainers (Team) (schon 5 Minuten)');
    assert.equal(outcomeWords({ status: 'waiting', conclusion: null, review }, german, 'de').startsWith('wartet auf Prüfung durch octo-maintainer'), true);
    assert.equal(standingWords({ rolledAwayFrom: { on: '2026-11-20', toImageTag: 'rel-1' } } as DeploymentRecord, german), 'am 2026-11-20 davon zurückgerollt');
  });

  it('builds the deck\'s state details in German, English staying the default', () => {
    const detail = (snapshot: ReturnType<typeof buildDeck>, app: string, environment: string): string | undefined =>
      snapshot.apps.find((candidate) => candidate.app.id === app)?.environments.find((candidate) => candidate.environment.id === environment)?.stateDetail;
    const inGerman = buildDeck(openverseProfile(), openverseFacts(), german, 'de');
    assert.equal(detail(inGerman, 'api', 'production'), 'Hier läuft der Build von rel-2026.11.02.14.05.33 (Commit 90c1858), das neueste veröffentlichte Release.');
    assert.equal(detail(inGerman, 'api', 'staging'), '4 Commits von API vor rel-2026.11.02.14.05.33, dem neuesten veröffentlichten Release.');
    assert.equal(detail(inGerman, 'frontend', 'production'), 'Die letzte Bereitstellung (rel-2026.11.05.16.20.00) endete mit failure. rel-2026.10.10.11.00.00 läuft weiterhin.');
    assert.equal(detail(inGerman, 'catalog', 'production'), 'Von Hand bereitgestellt mit Ansible; diese Umgebung meldet keine Version, daher kann Release Deck nicht sagen, was dort läuft.');
    const facts = openverseFacts();
    const unreachable = buildDeck(openverseProfile(), { ...facts, versions: { ...facts.versions, [versionKey('api', 'production')]: { kind: 'unreachable', reason: 'ECONNREFUSED' } } }, german, 'de');
    assert.match(detail(unreachable, 'api', 'production') ?? '', /^https:\/\/\S+ war nicht erreichbar \(ECONNREFUSED\)\. Die letzte erfolgreiche Bereitstellung war rel-2026\.11\.02\.14\.05\.33\.$/);
    const inEnglish = buildDeck(openverseProfile(), openverseFacts());
    assert.equal(detail(inEnglish, 'api', 'staging'), '4 commits of API ahead of rel-2026.11.02.14.05.33, the newest published release.');
  });

  it('tells the deck\'s news in German, English staying the default', () => {
    const facts = openverseFacts();
    const before = buildDeck(openverseProfile(), facts);
    const started = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'in_progress'), actor: 'krysal' };
    const after = buildDeck(openverseProfile(), { ...facts, deploymentRuns: [...facts.deploymentRuns, started] });
    assert.deepEqual(snapshotNews(before, after, german, 'de').map((event) => [event.message, event.link?.label]), [['krysal hat begonnen, rel-2026.11.02.14.05.33 in API production bereitzustellen (workflow_dispatch).', 'Ausführung öffnen']]);
    assert.equal(snapshotNews(before, after)[0]?.message, 'krysal started deploying rel-2026.11.02.14.05.33 to API production (workflow_dispatch).');
    assert.equal(moreNews(1, german), '1 weitere Änderung im Deck seit der letzten Aktualisierung: Den Verlauf jeder Umgebung finden Sie in der Ansicht „Release Deck“.');
  });

  it('lists what needs you in German, English staying the default', () => {
    const facts = openverseFacts();
    const waiting = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'waiting'), actor: 'openverse-bot', updatedAt: '2026-11-26T08:30:00Z' };
    const pendingDeployments = { [waiting.id]: [{ environmentId: 1, environment: 'production', waitTimer: 0, waitingSince: '2026-11-26T08:30:00Z', currentUserCanApprove: true, reviewers: [{ type: 'Team' as const, name: 'WordPress/openverse-maintainers' }] }] };
    const snapshot = buildDeck(openverseProfile(), { ...facts, deploymentRuns: [...facts.deploymentRuns, waiting], pendingDeployments });
    const entries = needsYou(snapshot, { draftAgeDays: 7 }, german, 'de');
    assert.equal(entries[0]?.label, 'Bereitstellung von rel-2026.11.02.14.05.33 prüfen');
    assert.equal(entries[0]?.description, 'API production · wartet schon 30 Minuten');
    assert.match(entries[0]?.detail ?? '', / Prüfen darf: WordPress\/openverse-maintainers \(Team\)\. Sie können sie prüfen: „Bereitstellung prüfen…“ genehmigt oder lehnt sie ab\.$/);
    assert.equal(entries.find((entry) => entry.kind === 'failedDeployment')?.label, 'Fehlgeschlagene Bereitstellung von rel-2026.11.05.16.20.00');
    assert.equal(entries.find((entry) => entry.kind === 'staleDraft')?.description, 'API · 3 Änderungen · 55 Tage unveröffentlicht');
    assert.equal(needsYouSummary(entries, german), '6 Dinge brauchen Sie: 1 Bereitstellung wartet auf Prüfung, 1 fehlgeschlagene Bereitstellung, 4 unveröffentlichte Entwürfe.');
    assert.equal(needsYou(snapshot, { draftAgeDays: 7 })[0]?.description, 'API production · waiting 30 minutes');
  });

  it('writes the release notes page in German, its date as a German reads dates, English staying the default', () => {
    const profile = openverseProfile();
    const api = buildDeck(profile, openverseFacts(), german, 'de').apps.find((candidate) => candidate.app.id === 'api');
    assert.ok(api);
    const comparison = { aheadBy: 3, commits: ['a', 'b', 'c'].map((label) => ({ sha: sha(label), message: `Title of ${label}`, author: 'obulat', date: '2026-11-01T00:00:00Z', htmlUrl: '' })) };
    assert.equal(listAppCommits(comparison, api.app, { shas: new Set([sha('a')]) }, 'api-1', german).compareNote, '1 von 3 Commits des Monorepos seit api-1 ändert api/; der Rest (2 Commits) betrifft nur andere Teile des Monorepos.');
    assert.equal(listAppCommits(comparison, api.app, { shas: new Set([sha('a')]) }, 'api-1').compareNote, '1 of the 3 commits of the monorepo since api-1 changes api/; the other 2 commits only touch other parts of the monorepo.');
    assert.equal(noReleaseToShow(api, 1, german), 'Für API gibt es kein GitHub-Release 1, das sich anzeigen ließe.');
    const draft = chooseRelease(api, undefined);
    assert.ok(draft?.draft);
    const release = (publishedAt: string | null) => ({ id: 1, name: 'n', tagName: 'api-2026.11.20.10.00.00', draft: publishedAt === null, prerelease: false, body: '', bodyHtml: '', htmlUrl: '', createdAt: '2026-11-20T10:00:00Z', publishedAt, targetCommitish: 'main' });
    const changes = { commits: [], compareNote: '', environmentVariables: [{ file: 'api/env.template', added: ['SEARCH_URL'], changed: [], removed: ['OLD_A', 'OLD_B'], unreadable: false }] };
    const view = notesView(profile, api, draft, release(null), changes, false, undefined, german, 'de');
    assert.deepEqual(view.effects, [
      'tag_docker_image_and_trigger_deployment.yml versieht das neueste Image von API mit dem Tag rel-2026.11.20.10.00.00.',
      'Dann wird API production automatisch bereitgestellt: rel-2026.11.02.14.05.33 → rel-2026.11.20.10.00.00.',
      'Ein Changelog-Pull-Request wird geöffnet, den Sie prüfen.',
    ]);
    assert.deepEqual(view.environmentVariables, [
      'Neu in api/env.template: SEARCH_URL. Fügen Sie sie vor dem Veröffentlichen (das Veröffentlichen stellt API production bereit) in der Infrastrukturkonfiguration hinzu.',
      'Entfernt aus api/env.template: OLD_A, OLD_B. Sie können aus der Infrastrukturkonfiguration entfernt werden, sobald die neue Version läuft.',
    ]);
    assert.deepEqual(publishVariableLines(api.app, changes, german).slice(0, 2), ['', '⚠ Umgebungsvariablen:']);
    // A publish date is not a tag's: in the person's locale and time zone, never "2026-11-02 14:05:33 UTC".
    const published = chooseRelease(api, api.releases[0]?.id);
    assert.ok(published?.published);
    const shown = notesView(profile, api, published, release('2026-11-02T14:05:33Z'), changes, false, buildRow({ sha: sha('c14'), from: 'commits' }, german), german, 'de');
    assert.match(shown.publishedOn ?? '', /^0[23]\.11\.2026, \d\d:\d\d$/);
    assert.equal(shown.build, `${sha('c14').slice(0, 7)} (abgeleitet)`);
    assert.match(notesView(profile, api, published, release('2026-11-02T14:05:33Z'), changes, false).publishedOn ?? '', /^Nov [23], 2026, \d{1,2}:\d\d\s[AP]M$/);
  });

  it('says the deck\'s remaining details in German: registry fallback, recorded version, publishing, a /version naming another environment', () => {
    const profile = openverseProfile();
    const api = profile.apps.find((app) => app.id === 'api');
    assert.ok(api);
    assert.equal(registryFallback({ ...api, registry: { org: 'wordpress', package: 'openverse-api' } }, 'GitHub answered 404', german), 'Das Container-Paket wordpress/openverse-api konnte nicht gelesen werden (GitHub answered 404); daher wird, aus welchem Commit jedes Release von API gebaut wurde, aus den Commits abgeleitet, die seine Quellordner ändern.');
    const recordedIn = { repo: 'WordPress/openverse-infrastructure', path: 'environments/prod/airflow.yml', pattern: 'image_tag: "(rel-[^"]+)"' };
    const commit = { sha: sha('infra-1'), author: 'AetherUnbound', date: '2026-09-10T09:00:00Z', htmlUrl: '' };
    const pull = { number: 12, author: 'krysal', htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/pull/12', capture: captureIn('image_tag: "rel-2026.11.02.14.05.33"', recordedIn.pattern) };
    const reading = readRecord(recordedIn, { ...recordedIn, file: { capture: captureIn('image_tag: "rel-2026.09.09.23.00.57"', recordedIn.pattern), commit }, pulls: [pull] }, [], DEFAULT_IMAGE_SCHEME, german, 'de');
    assert.match(reading?.detail ?? '', /^Als bereitgestellt festgehalten: rel-2026\.09\.09\.23\.00\.57 \(Commit \w{7} von AetherUnbound, 1[01]\.09\.2026, \d\d:\d\d, environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure\)\. rel-2026\.11\.02\.14\.05\.33 ist im offenen Pull-Request #12 von krysal festgehalten, noch nicht gemergt \(https:\S+\)\.$/);
    assert.equal(reading?.pending, 'rel-2026.11.02.14.05.33 im offenen PR #12, nicht gemergt');
    const releaseRun = { ...run('release.yml', 'api-2026.11.20.10.00.00', null, '2026-11-26T08:00:00Z', 'in_progress'), headBranch: 'api-2026.11.20.10.00.00' };
    const jobs = [{ id: 1, name: 'release', status: 'in_progress', conclusion: null, steps: [{ number: 1, name: 'Deploy production application', status: 'in_progress', conclusion: null }] }] as unknown as Parameters<typeof publishingDetail>[1];
    assert.equal(publishingDetail(releaseRun, jobs, [releaseRun], 'API production', api, german), 'api-2026.11.20.10.00.00 wurde veröffentlicht; seine Ausführung des Release-Workflows: rel-2026.11.20.10.00.00 wird auf API production bereitgestellt.');
    const production = api.environments.find((environment) => environment.id === 'production');
    const staging = api.environments.find((environment) => environment.id === 'staging');
    assert.ok(production && staging);
    assert.equal(wrongEnvironmentWarning(api, production, 'staging', german), 'ihr /version sagt, sie sei staging: Die URL zeigt möglicherweise auf die falsche Umgebung');
    const facts = openverseFacts();
    const named = buildDeck(profile, { ...facts, versions: { ...facts.versions, [versionKey('api', 'production')]: { kind: 'answered', release: sha('c14'), environment: 'staging' } } }, german, 'de');
    const detail = named.apps.find((app) => app.app.id === 'api')?.environments.find((environment) => environment.environment.id === 'production')?.stateDetail;
    assert.match(detail ?? '', /^Ihr \/version sagt, sie sei staging: Die URL zeigt möglicherweise auf die falsche Umgebung \(https:\S+\); daher gilt ihre Antwort nicht als das, was hier läuft\. /);
  });

  it('says why nothing is sent while a run is busy, a run\'s state and a lost answer in German, English staying the default', () => {
    const active = { title: 'Deploy rel-2026.10.15.09.30.00', status: 'waiting', actor: 'colleague', startedAt: '2026-11-26T08:54:00Z', url: 'https://github.com/o/r/actions/runs/1' };
    assert.equal(
      busyMessage('API production', 'roll back', active, german, 'de'),
      `API production ist belegt: Die Ausführung „Deploy rel-2026.10.15.09.30.00“ auf GitHub (wartet auf Prüfung) wurde von colleague am ${dateTime('2026-11-26T08:54:00Z', 'de')} gestartet. Es wurde nichts gesendet: Diese Ausführung muss zuerst geprüft werden (Bereitstellung prüfen…, falls Sie zu ihren Prüfern gehören) und abgeschlossen sein, dann rollen Sie erneut zurück.`,
    );
    assert.match(dateTime('2026-11-26T08:54:00Z', 'de'), /^26\.11\.2026, \d\d:54$/, 'a date as a German reads it, not "2026-11-26 08:54 UTC"');
    assert.match(busyMessage('API production', 'roll back', active), /^API production is busy: "Deploy rel-2026\.10\.15\.09\.30\.00" is waiting for review on GitHub, started by colleague at .+, then roll back again\.$/);
    assert.equal(describeTag('90c1858a6e4f9c3a0a5a8d7c1b2e3f4a5b6c7d8e', german), 'Commit 90c1858');
    assert.equal(describeTag('90c1858a6e4f9c3a0a5a8d7c1b2e3f4a5b6c7d8e'), 'commit 90c1858');
    const queued = { ...run('deploy-staging-api.yml', 'Deploy rel-2026.11.02.14.05.33', null, '2026-11-26T08:00:00Z', 'queued') };
    assert.equal(words(queued, undefined, GERMAN), 'in der Warteschlange');
    assert.equal(words({ ...queued, status: 'in_progress' }, undefined, GERMAN), 'in Arbeit');
    assert.equal(words(queued), 'queued');
    assert.equal(lostAnswer(new GitHubError('timeout', 'GitHub did not answer in time'), german), 'GitHub hat nicht rechtzeitig geantwortet');
    assert.equal(lostAnswer(new GitHubError('server', 'x', 502), german), 'GitHub antwortete 502 (ein Serverfehler)');
    assert.equal(lostAnswer(new GitHubError('server', 'x', 502)), 'GitHub answered 502 (a server error)');
  });
});
