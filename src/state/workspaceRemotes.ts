import * as vscode from 'vscode';
import { parseRemoteUrl, remoteUrlsInGitConfig, type RemoteRepository } from '../domain/gitRemotes';

/**
 * The repositories the workspace folders' git remotes name. From VS Code's git extension (`vscode.git`,
 * API version 1) when it is active and knows the folder's repository; else from the folder's
 * `.git/config`, read through workspace.fs (a worktree's `.git` file is followed to its common
 * directory). Git itself is never executed.
 */
export async function workspaceRemotes(folders: readonly vscode.WorkspaceFolder[]): Promise<RemoteRepository[]> {
  const remotes: RemoteRepository[] = [];
  for (const folder of folders) {
    const urls = gitExtensionRemoteUrls(folder.uri) ?? (await gitConfigRemoteUrls(folder.uri));
    for (const url of urls) {
      const remote = parseRemoteUrl(url);
      if (remote !== undefined) {
        remotes.push(remote);
      }
    }
  }
  return remotes;
}

/** The part of the git extension's API read here (its `git.d.ts`, version 1). */
interface GitApi {
  getRepository(uri: vscode.Uri): { readonly state: { readonly remotes: ReadonlyArray<{ readonly fetchUrl?: string; readonly pushUrl?: string }> } } | null;
}

function gitExtensionRemoteUrls(folder: vscode.Uri): string[] | undefined {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (extension === undefined || !extension.isActive) {
    return undefined;
  }
  try {
    const repository = extension.exports.getAPI(1).getRepository(folder);
    const urls = repository?.state.remotes.flatMap((remote) => [remote.fetchUrl, remote.pushUrl].filter((url): url is string => url !== undefined)) ?? [];
    return urls.length > 0 ? urls : undefined;
  } catch {
    // The git extension disabled or not ready: the config file says the same.
    return undefined;
  }
}

async function gitConfigRemoteUrls(folder: vscode.Uri): Promise<string[]> {
  const dotGit = vscode.Uri.joinPath(folder, '.git');
  let configUri = vscode.Uri.joinPath(dotGit, 'config');
  try {
    const stat = await vscode.workspace.fs.stat(dotGit);
    if (stat.type === vscode.FileType.File) {
      // A worktree or submodule: `.git` is a file "gitdir: <path>"; the remotes are in the common directory's config.
      const gitDir = /^gitdir:\s*(.+)$/m.exec(await readText(dotGit))?.[1]?.trim();
      if (gitDir === undefined) {
        return [];
      }
      const gitDirUri = gitDir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(gitDir) ? vscode.Uri.file(gitDir) : vscode.Uri.joinPath(folder, gitDir);
      const common = (await readText(vscode.Uri.joinPath(gitDirUri, 'commondir')).catch(() => '')).trim();
      const commonUri = common === '' ? gitDirUri : common.startsWith('/') ? vscode.Uri.file(common) : vscode.Uri.joinPath(gitDirUri, common);
      configUri = vscode.Uri.joinPath(commonUri, 'config');
    }
    return remoteUrlsInGitConfig(await readText(configUri));
  } catch {
    // Not a git checkout (or unreadable): no remotes.
    return [];
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
