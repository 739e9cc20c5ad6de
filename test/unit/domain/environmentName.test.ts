import { strict as assert } from 'node:assert';
import { otherEnvironmentNamed } from '../../../src/domain/environmentName';
import { openverseProfile } from '../../../src/domain/openverse';

function api() {
  const app = openverseProfile().apps.find((candidate) => candidate.id === 'api');
  assert.ok(app);
  const staging = app.environments.find((candidate) => candidate.id === 'staging');
  const production = app.environments.find((candidate) => candidate.id === 'production');
  assert.ok(staging && production);
  return { app, staging, production };
}

describe('the environment a /version answer names', () => {
  it('finds another environment of the same app by id or label, whatever the case', () => {
    const { app, staging, production } = api();
    assert.equal(otherEnvironmentNamed(app, staging, 'production')?.id, 'production');
    assert.equal(otherEnvironmentNamed(app, staging, ' PRODUCTION ')?.id, 'production');
    assert.equal(otherEnvironmentNamed(app, production, 'Staging')?.id, 'staging');
  });

  it('says nothing for its own name, the image default "local", an empty or unknown value', () => {
    const { app, staging, production } = api();
    assert.equal(otherEnvironmentNamed(app, production, 'production'), undefined);
    assert.equal(otherEnvironmentNamed(app, production, 'Production'), undefined);
    assert.equal(otherEnvironmentNamed(app, production, 'local'), undefined);
    assert.equal(otherEnvironmentNamed(app, production, ''), undefined);
    assert.equal(otherEnvironmentNamed(app, staging, 'prod-eu-1'), undefined);
  });

  it('says nothing for the name of another app\'s environment only', () => {
    const { app, staging } = api();
    assert.equal(otherEnvironmentNamed(app, staging, 'alwaysLatest'), undefined);
  });
});
