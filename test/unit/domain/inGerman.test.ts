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
import { standingWords } from '../../../src/domain/rollback';
import { durationWords, outcomeWords } from '../../../src/domain/runWords';
import type { DeploymentRecord } from '../../../src/domain/snapshot';
import { ago, counts, elapsed } from '../../../src/domain/words';
import { openverseFacts, run } from '../fixtures/openverseFacts';

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
});
