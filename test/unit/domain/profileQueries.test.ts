import { strict as assert } from 'node:assert';
import { openverseProfile } from '../../../src/domain/openverse';
import { appOfPath, fillManualPlaceholders } from '../../../src/domain/profileQueries';

describe('what a profile answers', () => {
  it('finds the app of a file by the longest source folder', () => {
    const profile = openverseProfile();
    assert.equal(appOfPath(profile, 'api/api/views/media_views.py')?.id, 'api');
    assert.equal(appOfPath(profile, 'frontend\\src\\pages\\index.vue')?.id, 'frontend');
    assert.equal(appOfPath(profile, 'documentation/index.md'), undefined);
    assert.equal(appOfPath(profile, 'apiary/readme.md'), undefined);
  });

  it('fills a manual procedure with the exact tag', () => {
    assert.equal(
      fillManualPlaceholders('Set the tag to {imageTag} for {gitTag} in {environment}', { imageTag: 'rel-2026.11.02.14.05.33', gitTag: 'catalog-2026.11.02.14.05.33', environment: 'production' }),
      'Set the tag to rel-2026.11.02.14.05.33 for catalog-2026.11.02.14.05.33 in production',
    );
  });
});
