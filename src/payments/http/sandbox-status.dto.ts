import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { ManualStatus } from '../application/payments.service';
import { FAILURE_REASON_MAX_LENGTH } from '../domain';

export class SandboxStatusDto {
  @ApiProperty({ enum: ['PROCESSING', 'PAID', 'FAILED'] })
  @IsIn(['PROCESSING', 'PAID', 'FAILED'])
  status!: ManualStatus;

  @ApiPropertyOptional({ example: 'beneficiary account closed', description: 'For FAILED' })
  @IsOptional()
  @IsString()
  @Length(1, FAILURE_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'failureReason must not be blank' })
  failureReason?: string;
}
