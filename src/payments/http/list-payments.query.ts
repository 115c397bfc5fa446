import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../shared/http/page.query';
import { PAYMENT_STATUSES } from '../domain';

export class ListPaymentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the payment with this externalRef' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  externalRef?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: string;
}
