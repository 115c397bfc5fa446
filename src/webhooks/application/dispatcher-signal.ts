import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** Wakes the dispatcher when new deliveries were committed, so they need not wait its interval. */
@Injectable()
export class DispatcherSignal {
  private readonly emitter = new EventEmitter();

  nudge(): void {
    this.emitter.emit('nudge');
  }

  onNudge(listener: () => void): () => void {
    this.emitter.on('nudge', listener);
    return () => this.emitter.off('nudge', listener);
  }
}
