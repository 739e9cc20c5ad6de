import * as vscode from 'vscode';
import { locateValue } from '../domain/profileText';
import { CHECK_CODE, CHECK_SOURCE, type ProfileChecker } from '../state/profileChecker';

/**
 * The quick fixes of Check Profile's findings (the light bulb on a diagnostic): each replaces the field
 * at the finding's JSON path by the value GitHub named, e.g. a wrong workflow file name by one the
 * repository has, or `tagInput` by the input the workflow declares for the image tag.
 */
export class ProfileQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: Pick<ProfileChecker, 'fixesFor'>) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== CHECK_SOURCE || diagnostic.code !== CHECK_CODE) {
        continue;
      }
      const path = /^(\$[^:]*): /.exec(diagnostic.message)?.[1];
      for (const fix of path !== undefined ? this.checker.fixesFor(document.uri, path) : []) {
        const place = locateValue(text, fix.path);
        if (place === undefined) {
          continue;
        }
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(place.offset), document.positionAt(place.offset + place.length)), JSON.stringify(fix.value));
        actions.push(action);
      }
    }
    return actions;
  }
}
