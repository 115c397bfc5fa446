import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'payments[0].amount' }) field!: string;
  @ApiProperty({ example: 'invalid-amount' }) code!: string;
  @ApiProperty({ example: 'payments[0].amount must have at most 2 decimals for USD' })
  message!: string;
}

/** The RFC 9457 problem document, as the OpenAPI document shows it. */
export class ProblemDto {
  @ApiProperty({ example: '/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'Request validation failed' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'payments[0].amount must have at most 2 decimals for USD' })
  detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/payments' }) instance?: string;
  @ApiProperty({ description: 'Stable, machine-readable error code', example: 'validation-failed' })
  code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
