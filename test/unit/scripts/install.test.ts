import { strict as assert } from 'node:assert';
import { installEnvironment } from '../../../scripts/editor/install';

describe('installing an editor from inside npm test', () => {
  // Seen on a fresh machine: `npm test` → code-server's postinstall read "node/v20" from the outer npm's
  // user agent and refused to install the newest editor, which runs on Node 24.
  it('hands the inner npm none of the outer npm\'s settings, only its own', () => {
    const outer = {
      PATH: '/usr/bin',
      HOME: '/root',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_lifecycle_event: 'test',
      npm_package_name: 'release-deck',
      npm_node_execpath: '/usr/bin/node',
    };
    const env = installEnvironment(outer, '/cache/node/bin:/usr/bin', '/cache/node');
    assert.equal(env.npm_config_user_agent, undefined);
    assert.equal(env.npm_lifecycle_event, undefined);
    assert.equal(env.npm_node_execpath, undefined);
    assert.equal(env.HOME, '/root');
    assert.equal(env.PATH, '/cache/node/bin:/usr/bin');
    assert.equal(env.npm_config_nodedir, '/cache/node', 'native modules build against the edition\'s Node headers');
    assert.equal(installEnvironment(outer, '/usr/bin', undefined).npm_config_nodedir, undefined);
    // Seen on a fresh machine: code-server 4.100.3's postinstall refuses to run as root without it.
    assert.equal(env.npm_config_unsafe_perm, 'true');
  });
});
