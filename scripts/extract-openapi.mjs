// Extracts, from GitHub's official OpenAPI description (npm package @octokit/openapi), the response
// schemas of the routes the simulator serves, into a committed file the conformance test reads. The
// package is about 385 MB unpacked, so it is not a dependency: fetch it only to refresh the extract.
//
//   cd "$(mktemp -d)" && npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-23.0.2.tgz
//   node scripts/extract-openapi.mjs <that folder>/package
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROUTES = [
  ['get', '/user'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/releases'],
  ['get', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['get', '/repos/{owner}/{repo}/releases/tags/{tag}'],
  ['patch', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['get', '/repos/{owner}/{repo}/tags'],
  ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['get', '/repos/{owner}/{repo}/commits'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}'],
  ['get', '/repos/{owner}/{repo}/compare/{basehead}'],
  ['get', '/repos/{owner}/{repo}/actions/workflows'],
  ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}'],
  ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'],
  ['post', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'],
  ['get', '/repos/{owner}/{repo}/actions/runs'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs'],
  ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}'],
  ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs'],
  ['post', '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel'],
  ['post', '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs'],
  ['post', '/repos/{owner}/{repo}/dispatches'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/orgs/{org}/packages/{package_type}/{package_name}/versions'],
  // Added after the first extract: kept last, so that the committed file's order holds.
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments'],
  ['post', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals'],
];

const root = fileURLToPath(new URL('..', import.meta.url));
const packageDir = process.argv[2];
if (packageDir === undefined) {
  console.error('usage: node scripts/extract-openapi.mjs <unpacked @octokit/openapi package folder>');
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
const document = JSON.parse(readFileSync(join(packageDir, 'generated', 'api.github.com.json'), 'utf8'));

const schemas = {};
function collect(node) {
  if (Array.isArray(node)) {
    node.forEach(collect);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!(name in schemas)) {
          schemas[name] = document.components.schemas[name];
          collect(schemas[name]);
        }
      } else if (key !== 'examples' && key !== 'example') {
        collect(value);
      }
    }
  }
}

const operations = [];
for (const [method, path] of ROUTES) {
  const operation = document.paths[path]?.[method];
  if (operation === undefined) {
    throw new Error(`${method.toUpperCase()} ${path} is not in api.github.com ${version}`);
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    const resolved = response.$ref !== undefined ? document.components.responses[response.$ref.split('/').pop()] : response;
    const schema = resolved?.content?.['application/json']?.schema;
    // Successes, and the redirect a log download answers with (302, its URL in Location).
    if ((Number(status) >= 200 && Number(status) < 300) || (status === '302' && path.endsWith('/logs'))) {
      operations.push({ method, path, status: Number(status), operationId: operation.operationId, ...(schema !== undefined ? { schema } : {}) });
      if (schema !== undefined) {
        collect(schema);
      }
    }
  }
}
for (const name of ['basic-error', 'validation-error']) {
  schemas[name] = document.components.schemas[name];
  collect(schemas[name]);
}

const out = join(root, 'test', 'simulator', 'conformance', 'github-rest-subset.json');
writeFileSync(out, `${JSON.stringify({ source: `@octokit/openapi@${version} generated/api.github.com.json`, openapi: document.openapi, operations, schemas }, null, 1)}\n`);
console.log(`wrote ${out}: ${operations.length} responses, ${Object.keys(schemas).length} schemas`);
