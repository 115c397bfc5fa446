import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class RecoverDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-24T00:00:00.000Z',
    description:
      'Events from this time on (inclusive); not in the future, not older than the retention',
  })
  @IsISO8601({ strict: true })
  since!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-24T06:00:00.000Z',
    description: 'Events before this time (exclusive); default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class RecoveredDto {
  @ApiProperty({
    example: 3,
    description: 'FAILED deliveries queued again, each with a fresh retry window',
  })
  queued!: number;
}

export class TestSendDto {
  @ApiProperty({ example: true, description: 'Whether the receiver answered HTTP 200 in time' })
  delivered!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 200,
    description: 'null when no answer came',
  })
  statusCode!: number | null;
  @ApiProperty({ example: 42 }) durationMs!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why no answer came (timeout, refused, ...)',
  })
  error!: string | null;
}
