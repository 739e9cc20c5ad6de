import { strict as assert } from 'node:assert';
import { Disposable, type DisposableLike } from '../../src/disposable';

class Owner extends Disposable {
  own<T extends DisposableLike>(disposable: T): T {
    return this.register(disposable);
  }

  get gone(): boolean {
    return this.isDisposed;
  }
}

function tracked(name: string, log: string[]): DisposableLike {
  return {
    dispose: () => {
      log.push(name);
    },
  };
}

describe('the disposable base', () => {
  it('disposes of what it registered, in the order registered, once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(tracked('emitter', log));
    owner.own(tracked('subscription', log));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['emitter', 'subscription']);
  });

  it('disposes at once of what is registered after its owner is gone', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    const late = tracked('late', log);
    assert.equal(owner.own(late), late);
    assert.deepEqual(log, ['late']);
  });

  it('tells its subclass once it is disposed of, so work under way can stop', () => {
    const owner = new Owner();
    assert.equal(owner.gone, false);
    owner.dispose();
    assert.equal(owner.gone, true);
  });
});
