import { strict as assert } from 'node:assert';
import type { RecordFact } from '../../../src/domain/facts';
import type { RecordedIn } from '../../../src/domain/profileTypes';
import { readRecord, recordPatternProblem, tagIn } from '../../../src/domain/recordedVersion';
import { captureIn } from '../../../src/state/patternGuard';
import { GERMAN } from '../l10n/german';
import type { PublishedRelease } from '../../../src/domain/snapshot';
import { parseReleaseDate } from '../../../src/domain/tags';
import { DEFAULT_IMAGE_SCHEME, readGitTag, tagSchemeOf } from '../../../src/domain/tagScheme';
import { dateTime } from '../../../src/domain/words';
import { sha } from '../fixtures/openverseFacts';

const AIRFLOW: RecordedIn = { repo: 'WordPress/openverse-infrastructure', path: 'environments/prod/airflow.yml', pattern: 'image_tag: "(rel-[^"]+)"' };
const commit = { sha: sha('infra-1'), author: 'AetherUnbound', date: '2026-09-10T09:00:00Z', htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/commit/1' };
const release: PublishedRelease = (() => {
  const date = parseReleaseDate('2026.09.09.23.00.57');
  assert.ok(date.ok);
  return { id: 1, name: 'catalog-2026.09.09.23.00.57', gitTag: 'catalog-2026.09.09.23.00.57', imageTag: 'rel-2026.09.09.23.00.57', version: { kind: 'date', text: date.value.text, date: date.value }, prerelease: false, publishedAt: '2026-09-10T00:00:00Z', htmlUrl: 'https://github.com/x', body: '', commitSha: sha('catalog') };
})();

function fact(fields: Partial<RecordFact>): RecordFact {
  return { repo: AIRFLOW.repo, path: AIRFLOW.path, pulls: [], ...fields };
}

describe('a manual environment\'s recorded version', () => {
  it('is the tag the file on the default branch records, with the commit, who and when', () => {
    const reading = readRecord(AIRFLOW, fact({ file: { capture: captureIn('airflow:\n  image_tag: "rel-2026.09.09.23.00.57"\n', AIRFLOW.pattern), commit } }), [release], DEFAULT_IMAGE_SCHEME);
    assert.equal(reading?.running?.imageTag, 'rel-2026.09.09.23.00.57');
    assert.equal(reading?.running?.release?.gitTag, 'catalog-2026.09.09.23.00.57');
    assert.equal(reading?.running?.sha, sha('catalog'));
    assert.equal(reading?.running?.source, 'recorded');
    assert.equal(reading?.detail, `Recorded as deployed: rel-2026.09.09.23.00.57 (commit ${sha('infra-1').slice(0, 7)} by AetherUnbound, ${dateTime(commit.date)}, environments/prod/airflow.yml in WordPress/openverse-infrastructure).`);
    // A commit's date, not a tag's: in the person's time zone and locale, not UTC ("Sep 10, 2026, 9:00 AM" in UTC).
    assert.match(reading?.detail ?? '', /AetherUnbound, Sep 1[01], 2026, \d{1,2}:\d\d\s[AP]M, /);
    assert.equal(reading?.pending, undefined);
  });

  it('says when a bump is recorded in an open pull request, not yet merged', () => {
    const reading = readRecord(AIRFLOW, fact({
      file: { capture: captureIn('image_tag: "rel-2026.09.09.23.00.57"', AIRFLOW.pattern), commit },
      pulls: [{ number: 12, htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/pull/12', author: 'krysal', capture: captureIn('image_tag: "rel-2026.11.25.18.00.00"', AIRFLOW.pattern) }],
    }), [release], DEFAULT_IMAGE_SCHEME);
    assert.equal(reading?.running?.imageTag, 'rel-2026.09.09.23.00.57', 'what is merged is what is recorded as deployed');
    assert.equal(reading?.pending, 'rel-2026.11.25.18.00.00 in open PR #12, not merged');
    assert.match(reading?.detail ?? '', / rel-2026\.11\.25\.18\.00\.00 is recorded in open pull request #12 by krysal, not yet merged \(https:\/\/github\.com\/WordPress\/openverse-infrastructure\/pull\/12\)\.$/);
  });

  it('says why nothing is known: no such file, no tag matching, or the file could not be read', () => {
    assert.match(readRecord(AIRFLOW, fact({}), [], DEFAULT_IMAGE_SCHEME)?.detail ?? '', /^environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure does not exist on the default branch, so what runs there is not known\.$/);
    const noTag = readRecord(AIRFLOW, fact({ file: { capture: captureIn('image_tag: latest', AIRFLOW.pattern), commit } }), [], DEFAULT_IMAGE_SCHEME);
    assert.equal(noTag?.running, undefined);
    assert.match(noTag?.detail ?? '', /holds no image tag matching image_tag: "\(rel-\[\^"\]\+\)"/);
    assert.match(readRecord(AIRFLOW, fact({ problem: 'GitHub answered 500' }), [], DEFAULT_IMAGE_SCHEME)?.detail ?? '', /could not be read: GitHub answered 500/);
    assert.equal(readRecord(AIRFLOW, undefined, [], DEFAULT_IMAGE_SCHEME), undefined);
  });

  it('says, in English and German, that the pattern took too long on the file and should be simplified, when it was stopped', () => {
    const slow: RecordedIn = { ...AIRFLOW, pattern: 'tag: ((?:a|b?a)+)$' };
    const stopped = captureIn(`tag: ${'a'.repeat(38)}!`, slow.pattern);
    const pull = { number: 12, htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/pull/12', author: 'krysal', capture: stopped };
    const reading = readRecord(slow, fact({ file: { capture: stopped, commit }, pulls: [pull] }), [release], DEFAULT_IMAGE_SCHEME);
    assert.equal(reading?.running, undefined);
    assert.equal(
      reading?.detail,
      `environments/prod/airflow.yml in WordPress/openverse-infrastructure (commit ${sha('infra-1').slice(0, 7)} by AetherUnbound, ${dateTime(commit.date)}): the pattern tag: ((?:a|b?a)+)$ took too long on this file and was stopped, so what runs there is not known. Simplify the pattern in the profile: repeat one simple part only, e.g. image_tag: "(rel-[^"]+)". A change is recorded in open pull request #12 by krysal, not yet merged (https://github.com/WordPress/openverse-infrastructure/pull/12); the pattern tag: ((?:a|b?a)+)$ took too long on its copy of the file and was stopped.`,
    );
    const german = readRecord(slow, fact({ file: { capture: stopped, commit }, pulls: [pull] }), [release], DEFAULT_IMAGE_SCHEME, GERMAN.l10n, GERMAN.locale);
    assert.match(german?.detail ?? '', /^environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure \(Commit \w{7} von AetherUnbound, [^)]+\): Das Muster tag: \(\(\?:a\|b\?a\)\+\)\$ hat für diese Datei zu lange gebraucht und wurde angehalten; daher ist nicht bekannt, was dort läuft\. Vereinfachen Sie das Muster im Profil: /);
    assert.match(german?.detail ?? '', /noch nicht gemergt \(https:\S+\); das Muster tag: \S+ hat für seine Kopie der Datei zu lange gebraucht und wurde angehalten\.$/);
  });

  it('reads only pinned image tags, with a pattern that has a capture group', () => {
    assert.equal(tagIn(captureIn('image_tag: "latest"', 'image_tag: "([^"]+)"'), DEFAULT_IMAGE_SCHEME), undefined);
    assert.equal(tagIn(captureIn(`tag = "${sha('x')}"`, 'tag = "([^"]+)"'), DEFAULT_IMAGE_SCHEME), sha('x'));
    assert.match(recordPatternProblem('image_tag: rel-.*') ?? '', /no capture group/);
    assert.match(recordPatternProblem('image_tag: (rel-') ?? '', /not a regular expression/);
    assert.equal(recordPatternProblem('image_tag: "(rel-[^"]+)"'), undefined);
  });

  it('reads a semantic-version or sha-{sha7} app\'s recorded tag with its own scheme and maps it to its release', () => {
    const WEB = { id: 'web', gitTagPrefix: 'web@', releaseTags: { git: '{app}@{version}', image: '{version}' } };
    const version = readGitTag(tagSchemeOf(WEB), 'web@1.4.2');
    assert.ok(version.ok);
    const web: PublishedRelease = { ...release, name: 'web@1.4.2', gitTag: 'web@1.4.2', imageTag: '1.4.2', version: version.value.version, commitSha: sha('web') };
    const recorded: RecordedIn = { repo: 'acme/platform', path: 'deploy/web.env', pattern: '^WEB_IMAGE=(\\S+)' };
    const reading = readRecord(recorded, fact({ file: { capture: captureIn('WEB_IMAGE=1.4.2\n', recorded.pattern), commit } }), [web], tagSchemeOf(WEB));
    assert.equal(reading?.running?.imageTag, '1.4.2', reading?.detail);
    assert.equal(reading.running?.release?.gitTag, 'web@1.4.2');
    assert.equal(reading.running?.sha, sha('web'));
    assert.equal(readRecord(recorded, fact({ file: { capture: captureIn('WEB_IMAGE=rel-2026.09.09.23.00.57\n', recorded.pattern), commit } }), [web], tagSchemeOf(WEB))?.running, undefined, 'a date tag is none of this app\'s');

    const BY_SHA = { ...WEB, releaseTags: { git: '{app}@{version}', image: 'sha-{sha7}' } };
    const bySha: PublishedRelease = { ...web, imageTag: `sha-${sha('web').slice(0, 7)}` };
    const pinned = readRecord(recorded, fact({ file: { capture: captureIn(`WEB_IMAGE=sha-${sha('web').slice(0, 7)}\n`, recorded.pattern), commit } }), [bySha], tagSchemeOf(BY_SHA));
    assert.equal(pinned?.running?.release?.gitTag, 'web@1.4.2');
    assert.equal(pinned.running?.sha, sha('web'));
  });
});
