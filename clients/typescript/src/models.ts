/** Short names for the generated schemas, the words the API's users speak. */
import type { components, operations } from './openapi-types';

type Schemas = components['schemas'];

export type Quote = Schemas['PaymentQuoteDto'];
export type CreateQuoteRequest = Schemas['CreateQuoteDto'];
export type Payment = Schemas['PaymentDto'];
export type PaymentStatus = Payment['status'];
export type PaymentItem = Schemas['PaymentItemDto'];
export type CreatePaymentsRequest = Schemas['CreatePaymentsRequestDto'];
export type CreatePaymentsResponse = Schemas['CreatePaymentsResponseDto'];
export type PaymentResult = Schemas['PaymentResultDto'];
export type PaymentPage = Schemas['PaymentPageDto'];
export type ListPaymentsQuery = NonNullable<
  operations['PaymentsController_list']['parameters']['query']
>;
export type SubscribeRequest = Schemas['SubscribeDto'];
export type SubscriptionCreated = Schemas['SubscriptionCreatedDto'];
export type Subscription = Schemas['SubscriptionDto'];
export type SubscriptionPage = Schemas['SubscriptionPageDto'];
export type Delivery = Schemas['DeliveryDto'];
export type DeliveryPage = Schemas['DeliveryPageDto'];
export type Problem = Schemas['ProblemDto'];
export type FieldError = Schemas['FieldErrorDto'];
export type PaymentEventType = NonNullable<SubscribeRequest['eventTypes']>[number];

/** What a webhook delivery's body holds: the event, with the payment as GET returned it then. */
export interface WebhookEvent {
  id: string;
  type: PaymentEventType;
  createdAt: string;
  accountId: string;
  data: Payment;
}
