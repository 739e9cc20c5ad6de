import { strict as assert } from 'node:assert';
import { clockTime } from '../../../src/domain/words';
import { describeError, gitHubErrorFor, refusalReason } from '../../../src/github/errors';
import { GERMAN } from '../l10n/german';

const LIFTS = new Date('2026-11-27T01:30:00Z');

/** GitHub's failures are said in the person's language; the log keeps the English (`message`). */
describe("GitHub's error messages in the person's language", () => {
  it('a 404 in German names what was being done and the profile field, in German; the log keeps English', () => {
    const error = gitHubErrorFor('notFound', { action: (l10n) => l10n.t('list the GitHub Releases of {0}', 'WordPress/openverse'), profileField: 'monorepo' }, { status: 404, githubMessage: 'Not Found' });
    assert.equal(
      describeError(error, GERMAN),
      'GitHub antwortete 404 Not Found beim Versuch, die GitHub-Releases von WordPress/openverse aufzulisten (GitHub meldete: „Not Found“): Es existiert nicht, oder das angemeldete Konto kann es nicht sehen. Prüfen Sie „monorepo“ im Profil.',
    );
    assert.equal(error.message, 'GitHub answered 404 Not Found while trying to list the GitHub Releases of WordPress/openverse (GitHub said: "Not Found"): it does not exist, or the signed-in account cannot see it. Check "monorepo" in the profile.');
    assert.equal(describeError(error), error.message, 'English unless a language is given');
  });

  it('a 422 in German says nothing was changed', () => {
    const error = gitHubErrorFor('validation', { action: (l10n) => l10n.t('dispatch {0} in {1}', 'deploy-api.yml', 'WordPress/openverse-infrastructure') }, { status: 422, githubMessage: 'Unexpected inputs provided: ["reason"]' });
    assert.equal(describeError(error, GERMAN), 'GitHub hat die Anfrage abgelehnt beim Versuch, deploy-api.yml in WordPress/openverse-infrastructure zu starten (Dispatch) (GitHub meldete: „Unexpected inputs provided: ["reason"]“). Es wurde nichts geändert.');
  });

  it('says when a rate limit lifts as the person reads times (their locale and time zone, Intl), not in UTC', () => {
    const error = gitHubErrorFor('rateLimited', { action: 'x' }, { status: 403, retryAt: LIFTS });
    assert.ok(describeError(error, GERMAN).endsWith(`Es endet um ${clockTime(LIFTS, 'de')}; Release Deck wartet bis dahin.`), describeError(error, GERMAN));
    assert.ok(error.message.endsWith(`It lifts at ${clockTime(LIFTS, 'en')}; Release Deck waits until then.`), error.message);
    assert.doesNotMatch(describeError(error, GERMAN), /UTC/);
    assert.equal(refusalReason(error, 'forbidden', GERMAN), `Das Rate Limit von GitHub wurde erreicht: Es endet um ${clockTime(LIFTS, 'de')}; versuchen Sie es dann erneut`);
  });

  it('an SSO refusal names the organisation in German', () => {
    const error = gitHubErrorFor('ssoRequired', { action: 'x' }, { status: 403, sso: { url: 'https://github.com/orgs/WordPress/sso?authorization_request=A1', organization: 'WordPress' } });
    assert.match(refusalReason(error, 'forbidden', GERMAN) ?? '', /^die Organisation WordPress erzwingt SAML-Single-Sign-On/);
  });
});
