/**
 * The `yaml` package, bundled on its own into dist/workflowYaml.js (scripts/build.mjs) and loaded by
 * github/yamlParser.ts only when a workflow file is read: it stays out of dist/extension.js.
 */
export { parse } from 'yaml';
