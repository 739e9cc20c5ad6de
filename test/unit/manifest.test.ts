import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CONTEXT_KEYS } from '../../src/commandIds';

interface Manifest {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    walkthroughs: Array<{ steps: Array<{ id: string; completionEvents: string[] }> }>;
  };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('settings a workspace must not decide', () => {
  it('releaseDeck.infrastructureRepoPath (where manual commands run) is set per machine by the user, never by a workspace', () => {
    const setting = manifest.contributes.configuration.properties['releaseDeck.infrastructureRepoPath'];
    assert.equal(setting?.scope, 'machine', 'machine scope: a workspace\'s settings cannot override it');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('releaseDeck.infrastructureRepoPath'));
  });
});

describe('the walkthrough', () => {
  const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
  /** Whether a step completes in a state: context keys as the extension sets them, and the commands run. */
  const completes = (id: string, context: Record<string, string | boolean>, commands: readonly string[] = []): boolean =>
    (steps.find((step) => step.id === id)?.completionEvents ?? []).some((event) => {
      const [kind, rest = ''] = event.split(/:(.*)/s);
      if (kind === 'onCommand') {
        return commands.includes(rest);
      }
      if (kind !== 'onContext') {
        return false;
      }
      const [key = '', value] = rest.split(/\s*==\s*/);
      return value === undefined ? context[key.trim()] === true : context[key.trim()] === value.trim();
    });

  it('completes the profile step for any profile in force: the workspace\'s own, the Openverse example chosen, or the built-in profile of an Openverse checkout', () => {
    assert.ok(completes('profile', { [CONTEXT_KEYS.profileState]: 'workspace' }));
    assert.ok(completes('profile', { [CONTEXT_KEYS.profileState]: 'builtIn' }));
    assert.ok(!completes('profile', { [CONTEXT_KEYS.profileState]: 'none' }));
    assert.ok(!completes('profile', { [CONTEXT_KEYS.profileState]: 'broken' }), 'a profile with problems is not done');
  });

  it('completes the check step when the profile was checked, by the command or by the check after a change', () => {
    assert.ok(completes('check', {}, ['releaseDeck.checkProfile']));
    assert.ok(completes('check', { [CONTEXT_KEYS.profileChecked]: true }));
    assert.ok(!completes('check', {}));
  });

  it('has every step complete on something that happens, never on a key the extension does not set', () => {
    const keys: readonly string[] = Object.values(CONTEXT_KEYS);
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} has a completion event`);
      for (const event of step.completionEvents.filter((candidate) => candidate.startsWith('onContext:'))) {
        const key = event.slice('onContext:'.length).split(/\s*==\s*/)[0]?.trim() ?? '';
        assert.ok(keys.includes(key), `${step.id}: ${key} is one of CONTEXT_KEYS`);
      }
    }
  });
});
