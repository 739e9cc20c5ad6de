/** Anything VS Code calls a Disposable: subscriptions, emitters, items, watchers, panels. */
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * The one owner pattern (vscode-pull-request-github's `_register`): a class registers what it creates
 * or subscribes to, and disposing of the class disposes of all of it, in the order it was registered.
 * Something registered after disposal is disposed of at once, so nothing outlives its owner.
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  protected register<T extends DisposableLike>(disposable: T): T {
    if (this.disposed) {
      disposable.dispose();
    } else {
      this.owned.push(disposable);
    }
    return disposable;
  }

  /** True once disposed of: work still under way (a refresh, a timer) then stops. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const disposable of this.owned.splice(0)) {
      disposable.dispose();
    }
  }
}
