import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { PageQuery } from '../../shared/http/page.query';
import { WEBHOOK_EVENT_TYPES } from '../domain/event-types';

export class SubscribeDto {
  @ApiProperty({
    example: 'https://example.com/hooks',
    maxLength: 2048,
    description:
      'Absolute https URL (http allowed when WEBHOOK_ALLOW_PRIVATE_URLS=true, the default outside production)',
  })
  @IsString()
  @Length(1, 2048)
  callbackUrl!: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    example: ['payment.paid', 'payment.failed'],
    description: 'Default: every type',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: '`whsec_` + base64 of 24..64 bytes; generated when absent',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  secret?: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-c3f0-7b20-8c3d-4e5f6a7b8c9d' }) id!: string;
  @ApiProperty({ example: 'https://example.com/hooks' }) callbackUrl!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty({ enum: ['ACTIVE'] }) status!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
}

export class SubscriptionCreatedDto extends SubscriptionDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Shown in this answer only: keep it to verify signatures',
  })
  secret!: string;
}

export class SubscriptionPageDto {
  @ApiProperty({ type: [SubscriptionDto] }) data!: SubscriptionDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'])
  status?: string;
}

export class AttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) attemptedAt!: string;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) statusCode!: number | null;
  @ApiProperty({ example: 12 }) durationMs!: number;
  @ApiProperty({ nullable: true, type: String, example: 'timeout after 10000 ms' }) error!:
    string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-d100-7c30-9d4e-5f6a7b8c9d0e' }) id!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The webhook-id header',
    example: '0193a1b2-c3e1-7d40-8e5f-6a7b8c9d0e1f',
  })
  eventId!: string;
  @ApiProperty({ example: 'payment.paid' }) eventType!: string;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] }) status!: string;
  @ApiProperty({ type: [AttemptDto] }) attempts!: AttemptDto[];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: '2026-11-24T05:52:19.123Z',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) deliveredAt!:
    string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) data!: DeliveryDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
