import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { DeliveriesService } from './application/deliveries.service';
import { DeliveryMetrics } from './application/delivery-metrics';
import { SubscriptionMetrics } from './application/subscription-metrics';
import { DispatcherSignal } from './application/dispatcher-signal';
import { FanOutHandler } from './application/fan-out.handler';
import { InFlightAttempts } from './application/in-flight-attempts';
import { TestSendService } from './application/test-send.service';
import { SubscriptionHealth } from './application/subscription-health.service';
import { EventsService } from './application/events.service';
import { SubscriptionsService } from './application/subscriptions.service';
import { WebhookDispatcher } from './application/webhook-dispatcher';
import { CallbackUrlPolicy, WebhookTransport } from './application/webhook-ports';
import { DeliveriesRepository } from './infrastructure/deliveries.repository';
import { HOST_RESOLVER, systemResolver } from './infrastructure/delivery/host-resolver';
import { HttpWebhookTransport } from './infrastructure/http-webhook-transport';
import { SubscriptionsRepository } from './infrastructure/subscriptions.repository';
import { DeliveryAttemptSchema } from './infrastructure/delivery-attempt.schema';
import { DeliverySchema } from './infrastructure/delivery.schema';
import { SubscriptionSchema } from './infrastructure/subscription.schema';
import { SubscriptionOperationsController } from './http/subscription-operations.controller';
import { SubscriptionsController } from './http/subscriptions.controller';
import { EventsController } from './http/events.controller';

@Module({
  imports: [MikroOrmModule.forFeature([SubscriptionSchema, DeliverySchema, DeliveryAttemptSchema])],
  controllers: [SubscriptionsController, SubscriptionOperationsController, EventsController],
  providers: [
    SubscriptionsRepository,
    DeliveriesRepository,
    SubscriptionsService,
    InFlightAttempts,
    TestSendService,
    SubscriptionHealth,
    EventsService,
    DeliveriesService,
    DispatcherSignal,
    DeliveryMetrics,
    SubscriptionMetrics,
    FanOutHandler,
    WebhookDispatcher,
    { provide: HOST_RESOLVER, useValue: systemResolver() },
    HttpWebhookTransport,
    { provide: WebhookTransport, useExisting: HttpWebhookTransport },
    { provide: CallbackUrlPolicy, useExisting: HttpWebhookTransport },
  ],
})
export class WebhooksModule {}
