import { strict as assert } from 'node:assert';
import { clockTime } from '../../../src/domain/words';
import { cancelRefusedWhy, logRefusedWords, rerunRefusedWhy, ssoAuthorizeLink } from '../../../src/commands/runRefusals';
import { gitHubErrorFor } from '../../../src/github/errors';

const SSO = gitHubErrorFor('ssoRequired', { action: 'cancel run 7' }, { status: 403, sso: { url: 'https://github.com/orgs/WordPress/sso?authorization_request=A1', organization: 'WordPress' } });
const LIMIT = gitHubErrorFor('rateLimited', { action: 'cancel run 7' }, { status: 403, retryAt: new Date('2026-11-27T01:30:00Z') });
const LIFTS = clockTime(new Date('2026-11-27T01:30:00Z'));
const FORBIDDEN = gitHubErrorFor('forbidden', { action: 'cancel run 7' }, { status: 403 });

/** A 403 is not always a missing permission: SAML SSO and rate limits are said as what they are. */
describe('why GitHub refused to act on a run', () => {
  it('Cancel Run: SSO names the organisation and says to authorize; a rate limit says when it lifts; a plain 403 asks for write access', () => {
    const sso = cancelRefusedWhy(SSO) ?? '';
    assert.match(sso, /WordPress enforces SAML single sign-on/);
    assert.match(sso, /authorize it for SSO/);
    assert.doesNotMatch(sso, /write access/);
    const limit = cancelRefusedWhy(LIMIT) ?? '';
    assert.ok(limit.includes(`lifts at ${LIFTS}`), limit); // the person's own time of day (Intl), not UTC
    assert.doesNotMatch(limit, /write access/);
    assert.match(cancelRefusedWhy(FORBIDDEN) ?? '', /needs write access/);
  });

  it('Re-run Failed Jobs: SSO and rate limit are not "GitHub does not re-run it now"', () => {
    assert.match(rerunRefusedWhy(SSO) ?? '', /WordPress enforces SAML single sign-on/);
    assert.doesNotMatch(rerunRefusedWhy(SSO) ?? '', /does not re-run/);
    assert.ok((rerunRefusedWhy(LIMIT) ?? '').includes(`lifts at ${LIFTS}`));
    assert.match(rerunRefusedWhy(FORBIDDEN) ?? '', /does not re-run it now/);
  });

  it('Show Failure: SSO and rate limit are not "needs the repo scope"', () => {
    const where = 'The log of job "deploy" of "Deploy API" (API production)';
    const sso = logRefusedWords(where, 'API production', 'WordPress/openverse-infrastructure', SSO);
    assert.match(sso, /WordPress enforces SAML single sign-on/);
    assert.doesNotMatch(sso, /repo scope/);
    assert.ok(logRefusedWords(where, 'API production', 'WordPress/openverse-infrastructure', LIMIT).includes(`lifts at ${LIFTS}`));
    assert.match(logRefusedWords(where, 'API production', 'WordPress/openverse-infrastructure', FORBIDDEN), /needs the repo scope/);
  });
});

/** A refusal for SAML SSO offers GitHub's authorization page as a button (cancel, re-run, review, Show Failure), as the sign-in prompt does. */
describe('the Authorize for SSO button of a refusal', () => {
  it("opens the X-GitHub-SSO header's URL, only on the GitHub web host in use; none for other refusals", () => {
    assert.equal(ssoAuthorizeLink(SSO, 'https://github.com'), 'https://github.com/orgs/WordPress/sso?authorization_request=A1');
    assert.equal(ssoAuthorizeLink(SSO, 'https://github.example.com'), undefined, 'a link to another host is not offered');
    assert.equal(ssoAuthorizeLink(SSO, undefined), undefined);
    assert.equal(ssoAuthorizeLink(FORBIDDEN, 'https://github.com'), undefined);
    assert.equal(ssoAuthorizeLink(LIMIT, 'https://github.com'), undefined);
  });
});
