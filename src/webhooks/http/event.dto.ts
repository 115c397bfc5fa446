import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import type { PaymentView } from '../../payments';
import { PageQuery } from '../../shared/http/page.query';
import { SUBSCRIBABLE_EVENT_TYPES } from '../domain/event-types';
import type { SubscriptionView } from '../domain/subscription';
import { SubscriptionDto } from './subscription.dto';

export class EventsQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: SUBSCRIBABLE_EVENT_TYPES, example: 'payment.paid' })
  @IsOptional()
  @IsIn(SUBSCRIBABLE_EVENT_TYPES)
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b' })
  @IsOptional()
  @IsUUID()
  paymentId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-24T00:00:00.000Z',
    description: 'Inclusive',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-25T00:00:00.000Z',
    description: 'Exclusive',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdTo?: string;
}

/**
 * PaymentDto is the payments module's component (its endpoints register it): referenced by name,
 * so that webhooks needs nothing of the payments HTTP layer.
 */
const PAYMENT_SCHEMA = getSchemaPath('PaymentDto');

@ApiExtraModels(SubscriptionDto)
export class EventDto {
  @ApiProperty({
    format: 'uuid',
    example: '0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f',
    description: 'The webhook-id',
  })
  id!: string;
  @ApiProperty({ enum: SUBSCRIBABLE_EVENT_TYPES, example: 'payment.paid' }) type!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', example: '0193a1b2-0000-7000-8000-000000000001' })
  accountId!: string;
  @ApiProperty({
    oneOf: [{ $ref: PAYMENT_SCHEMA }, { $ref: getSchemaPath(SubscriptionDto) }],
    description:
      'payment.*: the payment as GET returned it at the event; subscription.disabled: the ' +
      'subscription without its secret',
  })
  data!: PaymentView | SubscriptionView;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) data!: EventDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class EventHistoryDto {
  @ApiProperty({ type: [EventDto], description: 'Oldest first: data.version 1, 2, ...' })
  data!: EventDto[];
}
