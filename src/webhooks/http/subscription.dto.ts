import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../shared/http/page.query';
import { CALLBACK_URL_MAX_LENGTH } from '../domain/callback-url';
import { SUBSCRIBABLE_EVENT_TYPES } from '../domain/event-types';

export class SubscribeDto {
  @ApiProperty({
    example: 'https://example.com/hooks',
    maxLength: CALLBACK_URL_MAX_LENGTH,
    description:
      'Absolute https URL (http allowed when WEBHOOK_ALLOW_PRIVATE_URLS=true, the default outside production)',
  })
  @IsString()
  @Length(1, CALLBACK_URL_MAX_LENGTH)
  callbackUrl!: string;

  @ApiPropertyOptional({
    enum: SUBSCRIBABLE_EVENT_TYPES,
    isArray: true,
    example: ['payment.paid', 'payment.failed'],
    description:
      'Default: every payment event type. `subscription.disabled` is sent only to subscriptions that name it',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIBABLE_EVENT_TYPES.length)
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true })
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

/** Present in the body means "change it"; `null` clears the nullable ones. */
const given = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;

export class UpdateSubscriptionDto {
  @ApiPropertyOptional({
    example: 'https://example.com/hooks/v2',
    maxLength: CALLBACK_URL_MAX_LENGTH,
    description: 'Same rules as at creation; every undelivered delivery goes to the new URL',
  })
  @ValidateIf(given('callbackUrl'))
  @IsString()
  @Length(1, CALLBACK_URL_MAX_LENGTH)
  callbackUrl?: string;

  @ApiPropertyOptional({
    enum: SUBSCRIBABLE_EVENT_TYPES,
    isArray: true,
    example: ['payment.paid'],
    description: 'At least one type',
  })
  @ValidateIf(given('eventTypes'))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIBABLE_EVENT_TYPES.length)
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 256,
    example: 'Order service, production',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  description?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 1000,
    example: 50,
    description:
      'Attempts started per second to this subscription, across all instances together; null: no limit. ' +
      'Deliveries held back by the limit stay PENDING (they are not failed attempts).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  rateLimitPerSecond?: number | null;

  @ApiPropertyOptional({
    enum: ['ACTIVE', 'PAUSED'],
    example: 'PAUSED',
    description:
      'PAUSED keeps new deliveries waiting; ACTIVE sends them (oldest event first) and re-enables a DISABLED subscription',
  })
  @ValidateIf(given('status'))
  @IsIn(['ACTIVE', 'PAUSED'])
  status?: 'ACTIVE' | 'PAUSED';
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    description: '`whsec_` + base64 of 24..64 bytes; generated when absent',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  secret?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 604800,
    default: 86400,
    example: 3600,
    description: 'How long the previous secret keeps signing too (0: it stops at once)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604800)
  overlapSeconds?: number;
}

export class RotatedSecretDto {
  @ApiProperty({
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    description: 'The new secret, shown in this answer only',
  })
  secret!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-25T05:37:19.123Z',
    description:
      'Until then every attempt carries two signatures, with the new and the previous secret',
  })
  previousSecretExpiresAt!: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-c3f0-7b20-8c3d-4e5f6a7b8c9d' }) id!: string;
  @ApiProperty({ example: 'https://example.com/hooks' }) callbackUrl!: string;
  @ApiProperty({ enum: SUBSCRIBABLE_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty({
    enum: ['ACTIVE', 'PAUSED', 'DISABLED'],
    description: 'PAUSED by its owner, DISABLED by the service (see disabledReason)',
  })
  status!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) disabledReason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Order service, production' })
  description!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) rateLimitPerSecond!: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:40:02.481Z' }) updatedAt!: string;
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
