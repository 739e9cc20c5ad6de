import { strict as assert } from 'node:assert';
import { parseCommandArgument, parseSectionArgument, passedToken } from '../../../src/commands/arguments';
import { itemOf, readCommandArgument, requestedImageTag, resolveReference, type CommandArgument } from '../../../src/commands/resolveTarget';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment, type DeckSnapshot } from '../../../src/domain/snapshot';
import { openverseProfile } from '../../../src/domain/openverse';
import { openverseFacts } from '../fixtures/openverseFacts';

function deck(): DeckSnapshot {
  return buildDeck(openverseProfile(), openverseFacts());
}

function target(argument: CommandArgument) {
  assert.equal(argument.kind, 'target', argument.kind === 'refused' ? argument.reason : 'nothing given');
  return argument.kind === 'target' ? argument.target : assert.fail();
}

function refused(argument: CommandArgument): string {
  assert.equal(argument.kind, 'refused');
  return argument.kind === 'refused' ? argument.reason : '';
}

describe('command arguments', () => {
  describe('reading', () => {
    it('reads the section (a workspace folder) a deck item or an object names, and nothing from anything else', () => {
      const app = { kind: 'app', section: 'file:///work/shop', app: { app: { id: 'web' } } };
      assert.deepEqual(parseSectionArgument(app), { ok: true, value: 'file:///work/shop' });
      assert.deepEqual(parseSectionArgument({ appId: 'web', section: 'file:///work/shop' }), { ok: true, value: 'file:///work/shop' });
      assert.equal(parseCommandArgument({ appId: 'web', section: 'file:///work/shop' }).ok, true, 'the section does not disturb the reference');
      for (const nothing of [undefined, null, 'web', { appId: 'web' }, { kind: 'message' }]) {
        assert.deepEqual(parseSectionArgument(nothing), { ok: true, value: undefined });
      }
      for (const wrong of [{ section: 42 }, { section: 'x'.repeat(2001) }, { section: 'file:///a\nb' }, { get section() { return 'file:///work/shop'; } }]) {
        assert.equal(parseSectionArgument(wrong).ok, false, JSON.stringify(Object.getOwnPropertyDescriptors(wrong)));
      }
      assert.deepEqual(parseSectionArgument(Object.create({ section: 'file:///inherited' }) as object), { ok: true, value: undefined }, 'an inherited section is not read');
    });

    it('takes nothing, null and a message item as nothing given (the command asks)', () => {
      assert.deepEqual(parseCommandArgument(undefined), { ok: true, value: undefined });
      assert.deepEqual(parseCommandArgument(null), { ok: true, value: undefined });
      assert.deepEqual(parseCommandArgument({ kind: 'message', id: 'error', text: 'Could not load', icon: 'error' }), { ok: true, value: undefined });
    });

    it('takes a string as an app id (status bar, other commands)', () => {
      assert.deepEqual(parseCommandArgument('frontend'), { ok: true, value: { appId: 'frontend' } });
    });

    it('reads a plain object field by field, leaving out what is not given', () => {
      assert.deepEqual(parseCommandArgument({ appId: 'api', environmentId: 'staging', imageTag: 'rel-2026.11.02.14.05.33', reason: 'hotfix', releaseId: undefined }), {
        ok: true,
        value: { appId: 'api', environmentId: 'staging', imageTag: 'rel-2026.11.02.14.05.33', reason: 'hotfix' },
      });
      assert.deepEqual(parseCommandArgument({ appId: 'api', releaseId: 7, runId: 9 }), { ok: true, value: { appId: 'api', releaseId: 7, runId: 9 } });
    });

    it('reads only the ids of a deck node, never its data', () => {
      const snapshot = deck();
      const { app, environment } = findEnvironment(snapshot, 'api', 'production') ?? assert.fail();
      const record = environment.history[0] ?? assert.fail('api production has a history');
      const draft = app.draft ?? assert.fail('api has a draft');
      assert.deepEqual(parseCommandArgument({ kind: 'app', app }), { ok: true, value: { appId: 'api' } });
      assert.deepEqual(parseCommandArgument({ kind: 'environment', app, environment }), { ok: true, value: { appId: 'api', environmentId: 'production' } });
      assert.deepEqual(parseCommandArgument({ kind: 'history', app, environment }), { ok: true, value: { appId: 'api', environmentId: 'production' } });
      assert.deepEqual(parseCommandArgument({ kind: 'draft', app, draft }), { ok: true, value: { appId: 'api', releaseId: draft.id } });
      assert.deepEqual(parseCommandArgument({ kind: 'deployment', app, environment, record }), { ok: true, value: { appId: 'api', environmentId: 'production', runId: record.runId } });
    });

    it('reads what the release notes panel showed of a draft, with empty notes, and refuses anything else there', () => {
      const reviewed = { gitTag: 'api-2026.11.25.18.00.00', targetCommitish: 'main', body: '' };
      assert.deepEqual(parseCommandArgument({ appId: 'api', releaseId: 7, reviewed }), { ok: true, value: { appId: 'api', releaseId: 7, reviewed } });
      for (const wrong of [{ ...reviewed, body: 7 }, { ...reviewed, gitTag: '' }, { gitTag: 'x', body: '' }, 'notes', { ...reviewed, body: 'x'.repeat(125_001) }]) {
        assert.equal(parseCommandArgument({ appId: 'api', releaseId: 7, reviewed: wrong }).ok, false, JSON.stringify(wrong).slice(0, 80));
      }
    });

    it('refuses wrong types, nonsense kinds and nodes without their ids', () => {
      for (const [index, hostile] of [42, true, ['api'], () => 'api', Symbol('api'), { appId: 42 }, { appId: 'api', releaseId: '7' }, { appId: 'api', releaseId: -1 }, { appId: 'api', runId: 1.5 }, { appId: 'api', runId: Number.MAX_SAFE_INTEGER + 1 }, { appId: 'api', environmentId: ['production'] }, { appId: 'api', reason: { toString: () => 'x' } }, { appId: 'api', imageTag: '' }, { kind: 'environment', app: { app: { id: 'api' } } }, { kind: 'draft', app: { app: { id: 'api' } }, draft: { id: 'seven' } }, { kind: 'shell', app: { app: { id: 'api' } } }, { kind: 7 }, {}].entries()) {
        const parsed = parseCommandArgument(hostile);
        assert.equal(parsed.ok, false, `refuses hostile input #${index}`);
      }
    });

    it('refuses huge strings and ids that are not ids, without echoing them', () => {
      const huge = 'a'.repeat(1_000_000);
      for (const hostile of [huge, { appId: huge }, { appId: 'api', reason: huge }, { appId: 'api', imageTag: huge }, 'api"; rm -rf /', '../api', 'api\n', '']) {
        const parsed = parseCommandArgument(hostile);
        assert.equal(parsed.ok, false);
        assert.ok(!parsed.ok && parsed.error.length < 300, 'the reason stays short');
      }
    });

    it('sees neither inherited keys (a polluted prototype) nor getters', () => {
      const polluted = JSON.parse('{"__proto__": {"appId": "api", "kind": "app"}}') as object;
      assert.equal(parseCommandArgument(polluted).ok, false, 'an appId on the prototype is not the caller\'s');
      const inherited = Object.create({ appId: 'api' }) as object;
      assert.equal(parseCommandArgument(inherited).ok, false);
      let called = false;
      const withGetter = { get appId() { called = true; return 'api'; } };
      assert.equal(parseCommandArgument(withGetter).ok, false);
      assert.equal(called, false, 'no getter of the caller runs');
      const trap = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
      assert.equal(parseCommandArgument(trap).ok, false, 'a throwing proxy is refused, not thrown');
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'appId'), false);
    });
  });

  describe('finding it in the latest snapshot', () => {
    it('returns the app, environment, draft and deployment of the current snapshot', () => {
      const snapshot = deck();
      const { app, environment } = findEnvironment(snapshot, 'api', 'production') ?? assert.fail();
      const record = environment.history[0] ?? assert.fail();
      const found = target(readCommandArgument(snapshot, { appId: 'api', environmentId: 'production', runId: record.runId, reason: 'why' }));
      assert.equal(found.app, app);
      assert.equal(found.environment, environment);
      assert.equal(found.deployment, record);
      assert.equal(requestedImageTag(found), record.imageTag, 'a deployment item asks for its image tag');
      assert.equal(requestedImageTag(target(readCommandArgument(snapshot, { appId: 'api', runId: undefined, environmentId: 'production', imageTag: 'rel-x' }))), 'rel-x');
      const draft = app.draft ?? assert.fail();
      assert.equal(target(readCommandArgument(snapshot, { appId: 'api', releaseId: draft.id })).draft, draft);
      const published = app.releases[0] ?? assert.fail();
      const release = target(readCommandArgument(snapshot, { appId: 'api', releaseId: published.id }));
      assert.equal(release.release, published);
      assert.equal(release.draft, undefined);
    });

    it('answers a node of an older snapshot with the latest data', () => {
      const old = deck();
      const latest = deck();
      const { app, environment } = findEnvironment(old, 'frontend', 'staging') ?? assert.fail();
      const found = target(readCommandArgument(latest, { kind: 'environment', app, environment }));
      assert.equal(found.environment, findEnvironment(latest, 'frontend', 'staging')?.environment);
      assert.notEqual(found.environment, environment);
    });

    it('does not trust the data a node carries: a forged running version is not what is found', () => {
      const snapshot = deck();
      const { app, environment } = findEnvironment(snapshot, 'api', 'production') ?? assert.fail();
      const forged = { kind: 'environment', app: { ...app, app: { ...app.app, label: 'Forged' } }, environment: { ...environment, running: { imageTag: 'rel-evil', source: 'version endpoint' } } };
      const found = target(readCommandArgument(snapshot, forged));
      assert.equal(found.app.app.label, 'API');
      assert.equal(found.environment?.running?.imageTag, environment.running?.imageTag);
    });

    it('says why a stale or wrong reference is not there', () => {
      const snapshot = deck();
      const { app, environment } = findEnvironment(snapshot, 'api', 'production') ?? assert.fail();
      assert.equal(refused(readCommandArgument(snapshot, 'nope')), 'There is no app "nope" in the deck.');
      assert.match(refused(readCommandArgument(snapshot, { appId: 'api', environmentId: 'moon' })), /^API has no environment "moon" in the deck\.$/);
      assert.match(refused(readCommandArgument(snapshot, { kind: 'draft', app, draft: { id: 999_999 } })), /That draft is no longer among the drafted GitHub Releases/);
      assert.match(refused(readCommandArgument(snapshot, { kind: 'deployment', app, environment, record: { runId: 999_999 } })), /no longer in the deck's history/);
      assert.match(refused(readCommandArgument(snapshot, { appId: 'api', runId: environment.history[0]?.runId ?? 1 })), /no longer in the deck's history/, 'a run is looked for in the environment named');
      assert.match(refused(readCommandArgument(snapshot, 42)), /does not understand/);
      assert.deepEqual(readCommandArgument(snapshot, undefined), { kind: 'none' });
    });

    it('resolves references independently of how they were read', () => {
      assert.equal(resolveReference(deck(), { appId: 'frontend' }).ok, true);
    });

    it('names the most specific item a target is, for the item commands', () => {
      const snapshot = deck();
      const { app, environment } = findEnvironment(snapshot, 'api', 'production') ?? assert.fail();
      const record = environment.history[0] ?? assert.fail();
      assert.equal(itemOf(target(readCommandArgument(snapshot, { kind: 'app', app }))), 'app');
      assert.equal(itemOf(target(readCommandArgument(snapshot, { kind: 'environment', app, environment }))), 'environment');
      assert.equal(itemOf(target(readCommandArgument(snapshot, { kind: 'deployment', app, environment, record }))), 'deployment');
      assert.equal(itemOf(target(readCommandArgument(snapshot, { kind: 'draft', app, draft: app.draft }))), 'draft');
      assert.equal(itemOf(target(readCommandArgument(snapshot, { appId: 'api', releaseId: app.releases[0]?.id }))), 'release');
    });
  });
});

describe('a token passed to Sign In with Token', () => {
  it("is taken only under the extension's own tests: no other extension or command link can replace the credential", () => {
    assert.equal(passedToken('ghp_from_another_extension', false), undefined);
    assert.equal(passedToken('rd_demo_token_not_a_secret', true), 'rd_demo_token_not_a_secret');
    assert.equal(passedToken(' ', true), undefined);
    assert.equal(passedToken({ token: 'x' }, true), undefined);
  });
});
