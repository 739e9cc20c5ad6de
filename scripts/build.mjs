// Bundles the extension (and, once it exists, the webview) with esbuild.
//   node scripts/build.mjs               development build with source maps
//   node scripts/build.mjs --production  minified, no source maps (what `npm run package` ships)
//   node scripts/build.mjs --watch       rebuild on change
//   node scripts/build.mjs --tests       also bundle the integration suite into out/
import * as esbuild from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * node-fetch's fetch-blob falls back on web-streams-polyfill (59 KB minified) only when the runtime has no
 * `ReadableStream` of its own. Every Node.js an extension host runs on has it (Node 18+; Release Deck needs
 * VS Code 1.100, on Node 20 or later), so the fallback is left out: if it were ever reached, loading fails
 * with this message instead of running without streams.
 */
const noStreamsPolyfill = {
  name: 'no-web-streams-polyfill',
  setup(build) {
    build.onResolve({ filter: /^web-streams-polyfill(\/|$)/ }, (args) => ({ path: args.path, namespace: 'no-web-streams-polyfill' }));
    build.onLoad({ filter: /.*/, namespace: 'no-web-streams-polyfill' }, () => ({
      contents: "throw new Error('Release Deck needs a Node.js with web streams (ReadableStream): VS Code 1.100 or later.');",
      loader: 'js',
    }));
  },
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: [`${root}src/extension.ts`],
    outfile: `${root}dist/extension.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    // ESM entry points first: jsonc-parser's UMD build requires its modules at run time.
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: production ? false : 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [noStreamsPolyfill],
  },
];

// YAML's parser, apart from the extension's bundle: loaded with require only when a workflow file is
// read (src/github/yamlParser.ts), so dist/extension.js stays within its size budget.
builds.push({
  entryPoints: [`${root}src/lazy/workflowYaml.ts`],
  outfile: `${root}dist/workflowYaml.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: true,
  logLevel: 'warning',
});

if (existsSync(`${root}webview/releaseNotes/main.ts`)) {
  builds.push({
    entryPoints: [`${root}webview/releaseNotes/main.ts`],
    outfile: `${root}dist/webview/releaseNotes.js`,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
  });
}

if (tests) {
  const { readdirSync } = await import('node:fs');
  const suite = readdirSync(`${root}test/integration`).filter((name) => name === 'index.ts' || name.endsWith('.test.ts'));
  builds.push({
    entryPoints: suite.map((name) => `${root}test/integration/${name}`),
    outdir: `${root}out/integration`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // mocha is loaded from node_modules inside the extension host; vscode is provided by it.
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

rmSync(`${root}dist`, { recursive: true, force: true });
if (tests) {
  rmSync(`${root}out/integration`, { recursive: true, force: true });
}
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  for (const options of builds) {
    const result = await esbuild.build(options);
    if (result.metafile) {
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        if (file.endsWith('.js')) {
          console.log(`${file.replace(root, '')}: ${(output.bytes / 1024).toFixed(1)} KB`);
        }
      }
    }
  }
}
