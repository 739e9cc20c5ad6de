import { strict as assert } from 'node:assert';
import { listAppCommits } from '../../../src/state/appCommits';
import { simulatedProfile } from '../github/process.test';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

describe('the commits that changed an app (Deploy…), when GitHub cannot list them', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('says why in the person\'s language (German), and keeps English for the log', async () => {
    const profile = simulatedProfile(harness.simulator);
    const api = profile.apps.find((app) => app.id === 'api');
    assert.ok(api);
    await addFault(harness.simulator, { path: `/repos/${profile.monorepo}/commits$`, kind: 'status', status: 500, count: 20 });
    const listed = await listAppCommits(harness.client, profile.monorepo, undefined, api, GERMAN);
    assert.equal(listed.known, false);
    assert.match(listed.known ? '' : listed.why, /^GitHub antwortete 500 \(ein Serverfehler\) beim Versuch, die Commits von .* aufzulisten, die .* ändern\./);
    assert.match(listed.known ? '' : listed.logged ?? '', /^GitHub answered 500 \(a server error\) while trying to list the commits of /);
  });

  it('says that the profile names no source folders in German', async () => {
    const profile = simulatedProfile(harness.simulator);
    const api = profile.apps.find((app) => app.id === 'api');
    assert.ok(api);
    const withoutFolders = { ...api, sourceFolders: [] };
    delete (withoutFolders as { buildPaths?: readonly string[] }).buildPaths;
    const listed = await listAppCommits(harness.client, profile.monorepo, undefined, withoutFolders, GERMAN);
    assert.deepEqual(listed, { known: false, why: `das Profil nennt keine sourceFolders für ${api.label}`, logged: `the profile names no sourceFolders for ${api.label}` });
  });
});
