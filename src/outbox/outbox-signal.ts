import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** In-process nudge from a commit that wrote events to the relay, so it need not wait its interval. */
@Injectable()
export class OutboxSignal {
  private readonly emitter = new EventEmitter();

  nudge(): void {
    this.emitter.emit('nudge');
  }

  onNudge(listener: () => void): () => void {
    this.emitter.on('nudge', listener);
    return () => this.emitter.off('nudge', listener);
  }
}
