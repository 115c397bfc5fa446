import { EventEmitter } from 'node:events';

/** An in-process "there is new work" signal, so a polling loop need not wait for its interval. */
export class WakeSignal {
  private readonly emitter = new EventEmitter();

  nudge(): void {
    this.emitter.emit('nudge');
  }

  onNudge(listener: () => void): () => void {
    this.emitter.on('nudge', listener);
    return () => this.emitter.off('nudge', listener);
  }
}
