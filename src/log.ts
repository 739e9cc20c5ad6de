import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * The "Release Deck" log channel. Every line passes through `redact`, which removes any secret the
 * extension has been told about (the token in use), so a token can never reach the log even by mistake.
 */
export class Log extends Disposable {
  private readonly channel = this.register(vscode.window.createOutputChannel('Release Deck', { log: true }));
  private readonly secrets = new Set<string>();
  private readonly lines = this.register(new vscode.EventEmitter<string>());
  /** Every line as written (redacted): what the extension's own tests read of the log. */
  readonly onDidWrite = this.lines.event;

  /** Registers a secret that must never be written. */
  addSecret(secret: string): void {
    if (secret.length >= 8) {
      this.secrets.add(secret);
    }
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      result = result.split(secret).join('[token]');
    }
    return result.replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '[token]');
  }

  info(message: string): void {
    this.channel.info(this.written(message));
  }

  warn(message: string): void {
    this.channel.warn(this.written(message));
  }

  error(message: string): void {
    this.channel.error(this.written(message));
  }

  debug(message: string): void {
    this.channel.debug(this.written(message));
  }

  private written(message: string): string {
    const line = this.redact(message);
    this.lines.fire(line);
    return line;
  }

  show(): void {
    this.channel.show(true);
  }

}
