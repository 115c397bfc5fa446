import { Injectable } from '@nestjs/common';
import { WakeSignal } from '../../shared/infrastructure/wake-signal';

/** Raised after a commit that created deliveries (or a manual retry): wakes the dispatcher at once. */
@Injectable()
export class DispatcherSignal extends WakeSignal {}
