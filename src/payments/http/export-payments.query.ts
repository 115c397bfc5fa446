import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PAYMENT_STATUSES } from '../domain';
import { CreatedRangeQuery } from './created-range.query';

export class ExportPaymentsQuery extends CreatedRangeQuery {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, description: 'Only payments in this status' })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: string;
}
