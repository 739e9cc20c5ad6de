import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Parse = (text: string) => unknown;

let loaded: Parse | undefined;

/**
 * YAML's parser, loaded on first use: from dist/workflowYaml.js beside the bundle (built apart so the
 * extension's own bundle does not carry it), or the `yaml` package itself when running from sources
 * (unit tests). The module name is computed, so the bundler leaves this require alone.
 */
export function yamlParser(): Parse {
  if (loaded === undefined) {
    const bundled = join(__dirname, 'workflowYaml.js');
    const id = existsSync(bundled) ? bundled : ['ya', 'ml'].join('');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (require(id) as { parse: Parse }).parse;
  }
  return loaded;
}
