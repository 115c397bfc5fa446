import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '../../shared/http/page.query';
import { EXTERNAL_REF_MAX_LENGTH, PAYMENT_STATUSES } from '../domain';
import { CreatedRangeQuery } from './created-range.query';

export class ListPaymentsQuery extends IntersectionType(PageQuery, CreatedRangeQuery) {
  @ApiPropertyOptional({ description: 'Only the payment with this externalRef' })
  @IsOptional()
  @IsString()
  @Length(1, EXTERNAL_REF_MAX_LENGTH)
  externalRef?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: string;
}
