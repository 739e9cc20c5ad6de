import { strict as assert } from 'node:assert';
import { environmentVariableAdvice, environmentVariableChanges } from '../../../src/domain/environmentVariables';

const PATCH = [
  '@@ -1,6 +1,7 @@',
  ' ELASTICSEARCH_URL=es:9200',
  '+ELASTICSEARCH_TIMEOUT=30',
  '+export SENTRY_DSN=',
  '-DJANGO_DEBUG_ENABLED=True',
  '+DJANGO_DEBUG_ENABLED=False',
  '-OLD_THUMBNAIL_HOST=thumbs.example',
  '-# COMMENTED_OUT=1',
  '+# A comment about the timeout',
].join('\n');

describe('environment variables in a release', () => {
  it('classifies each variable of the app\'s env files from the diff: new, changed or removed', () => {
    const changes = environmentVariableChanges(['api/env.template', 'api/other.env'], ['api/env.template', 'api/views.py'], { 'api/env.template': PATCH });
    assert.deepEqual(changes, [{ file: 'api/env.template', added: ['ELASTICSEARCH_TIMEOUT', 'SENTRY_DSN'], changed: ['DJANGO_DEBUG_ENABLED'], removed: ['OLD_THUMBNAIL_HOST'], unreadable: false }]);
  });

  it('ignores files the changes do not touch, other files, and edits of comments only', () => {
    assert.deepEqual(environmentVariableChanges(['api/env.template'], ['api/views.py'], {}), []);
    assert.deepEqual(environmentVariableChanges(['api/env.template'], ['api/env.template'], { 'api/env.template': '@@ -1 +1 @@\n-# old comment\n+# new comment' }), []);
    assert.deepEqual(environmentVariableChanges([], ['api/env.template'], { 'api/env.template': PATCH }), []);
  });

  it('says so when GitHub sent no diff for a changed env file', () => {
    const changes = environmentVariableChanges(['frontend/.env.template'], ['frontend/.env.template'], {});
    assert.deepEqual(changes, [{ file: 'frontend/.env.template', added: [], changed: [], removed: [], unreadable: true }]);
    assert.match(environmentVariableAdvice(changes, 'before publishing')[0] ?? '', /^frontend\/\.env\.template changes, but GitHub sent no diff for it: open the comparison/);
  });

  it('tells what to do per the release process, naming the variables and never their values', () => {
    const advice = environmentVariableAdvice(environmentVariableChanges(['api/env.template'], ['api/env.template'], { 'api/env.template': PATCH }), 'before publishing (it deploys API production)');
    assert.deepEqual(advice, [
      'New in api/env.template: ELASTICSEARCH_TIMEOUT, SENTRY_DSN. Add them in the infrastructure configuration before publishing (it deploys API production).',
      'Changed in api/env.template: DJANGO_DEBUG_ENABLED. Update it in the infrastructure configuration before publishing (it deploys API production); that deployment applies the new value, so no separate redeploy is needed.',
      'Removed from api/env.template: OLD_THUMBNAIL_HOST. It can be cleaned up from the infrastructure configuration after the new version runs.',
    ]);
    for (const value of ['es:9200', '30', 'False', 'True', 'thumbs.example']) {
      assert.ok(!advice.join('\n').includes(value), `the value ${value} is not shown`);
    }
  });

  it('a changed variable in a release: updated before the deployment that applies it, never a redeploy of the running version (that is for a value changed without a release)', () => {
    const changed = environmentVariableChanges(['frontend/.env.template'], ['frontend/.env.template'], { 'frontend/.env.template': '@@ -1 +1 @@\n-NUXT_PUBLIC_SEARCH_DEBOUNCE_MS=300\n+NUXT_PUBLIC_SEARCH_DEBOUNCE_MS=500' });
    for (const before of ['before publishing (publishing deploys Frontend production)', 'before this deployment', 'before the release is deployed']) {
      const line = environmentVariableAdvice(changed, before)[0] ?? '';
      assert.ok(line.includes(`Update it in the infrastructure configuration ${before};`), line);
      assert.ok(line.endsWith('that deployment applies the new value, so no separate redeploy is needed.'), line);
      assert.doesNotMatch(line, /then redeploy|redeploy the version that runs now/);
    }
  });
});
