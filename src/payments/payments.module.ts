import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { QuotesModule } from '../quotes';
import { CreatePaymentsUseCase } from './application/create-payments/create-payments.use-case';
import { PaymentsService } from './application/payments.service';
import { NoPayoutProvider, PayoutProvider } from './application/payout-provider.port';
import { SubmitPayoutHandler } from './application/submit-payout.handler';
import { PaymentsExportService } from './application/payments-export.service';
import { PaymentsExportReader } from './infrastructure/payments-export.reader';
import { PaymentsRepository } from './infrastructure/payments.repository';
import { PaymentsExportController } from './http/payments-export.controller';
import { PayoutSimulator } from './infrastructure/payout-simulator/payout-simulator';
import { SimulatedPayoutProvider } from './infrastructure/payout-simulator/simulated-payout-provider';
import { PaymentsController } from './http/payments.controller';
import { SandboxController } from './http/sandbox.controller';

@Module({})
export class PaymentsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const simulator = config.payoutSimulator;
    return {
      module: PaymentsModule,
      imports: [QuotesModule],
      // The export first: its route must win over `GET /payments/:id`.
      controllers: [
        PaymentsExportController,
        PaymentsController,
        ...(config.isProduction ? [] : [SandboxController]),
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
