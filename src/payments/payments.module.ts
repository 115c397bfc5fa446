import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Module } from '@nestjs/common';
import type { RuntimeConfig } from '../config/runtime.config';
import { QuotesModule } from '../quotes';
import { CreatePaymentsUseCase } from './application/create-payments/create-payments.use-case';
import { PaymentsService } from './application/payments.service';
import { NoPayoutProvider, PayoutProvider } from './application/payout-provider.port';
import { SubmitPayoutHandler } from './application/submit-payout.handler';
import { PaymentsExportService } from './application/payments-export.service';
import { PaymentsExportReader } from './infrastructure/payments-export.reader';
import { PaymentSchema } from './infrastructure/payment.schema';
import { PayoutJobSchema } from './infrastructure/payout-simulator/payout-job.schema';
import { PaymentsRepository } from './infrastructure/payments.repository';
import { PaymentsExportController } from './http/payments-export.controller';
import { PayoutSimulator } from './infrastructure/payout-simulator/payout-simulator';
import { SimulatedPayoutProvider } from './infrastructure/payout-simulator/simulated-payout-provider';
import { PaymentsController } from './http/payments.controller';
import { SandboxController } from './http/sandbox.controller';
import type { PayoutsConfig } from './payouts.config';

// Registered once, when this file loads, as the static modules' entities are: a second call (a
// second app in one test process) would make MikroOrmModule forget the other modules' entities.
const paymentEntities = MikroOrmModule.forFeature([PaymentSchema, PayoutJobSchema]);

@Module({})
export class PaymentsModule {
  static forRoot(config: { payouts: PayoutsConfig; runtime: RuntimeConfig }): DynamicModule {
    const simulator = config.payouts.simulator;
    return {
      module: PaymentsModule,
      imports: [QuotesModule, paymentEntities],
      // The export first: its route must win over `GET /payments/:id`.
      controllers: [
        PaymentsExportController,
        PaymentsController,
        ...(config.runtime.isProduction ? [] : [SandboxController]),
      ],
      providers: [
        PaymentsRepository,
        PaymentsService,
        PaymentsExportReader,
        PaymentsExportService,
        CreatePaymentsUseCase,
        SubmitPayoutHandler,
        simulator
          ? { provide: PayoutProvider, useClass: SimulatedPayoutProvider }
          : { provide: PayoutProvider, useClass: NoPayoutProvider },
        ...(simulator ? [PayoutSimulator] : []),
      ],
    };
  }
}
