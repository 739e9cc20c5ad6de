import type { AppProfile } from './profileTypes';

/**
 * Which changes rebuild an app's images: a push whose files lie under one of these paths (folders or files of
 * the monorepo). Openverse's CI path filter is not quoted in the facts we hold, so the default, the app's
 * `sourceFolders`, is an assumption; a profile names the real filter in `buildPaths` (e.g. the frontend's
 * image is also rebuilt for changes in `packages/`). Paths, not globs: GitHub's commits listing filters by a
 * path (`GET …/commits?path=`), and that listing is how an app's builds are read (sameBuild.ts).
 */
export function buildPathsOf(app: Pick<AppProfile, 'sourceFolders' | 'buildPaths'>): readonly string[] {
  return app.buildPaths ?? app.sourceFolders;
}

/** True when one of the files (repository paths) lies under one of the app's build paths. */
export function changesBuild(app: Pick<AppProfile, 'sourceFolders' | 'buildPaths'>, files: readonly string[]): boolean {
  const paths = buildPathsOf(app).map((path) => path.replace(/\/+$/, ''));
  return files.some((file) => paths.some((path) => path === '' || file === path || file.startsWith(`${path}/`)));
}
