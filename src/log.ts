import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * The "Release Deck" log channel. Every line passes through `redact`, which removes any secret the
 * extension has been told about (the token in use), so a token can never reach the log even by mistake.
 */
export class Log extends Disposable {
  private readonly channel = this.register(vscode.window.createOutputChannel('Release Deck', { log: true }));
  private readonly secrets = new Set<string>();

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
    this.channel.info(this.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redact(message));
  }

  error(message: string): void {
    this.channel.error(this.redact(message));
  }

  debug(message: string): void {
    this.channel.debug(this.redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

}
