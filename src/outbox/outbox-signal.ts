import { Injectable } from '@nestjs/common';
import { WakeSignal } from '../shared/infrastructure/wake-signal';

/** Raised after a commit that wrote events: wakes the relay at once. */
@Injectable()
export class OutboxSignal extends WakeSignal {}
