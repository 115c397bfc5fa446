import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyDto, QUOTE_ERRORS } from '../../quotes';
import { PAYMENT_STATUSES } from '../domain';

export class BeneficiaryViewDto {
  @ApiProperty({ example: 'Asha Rao' }) name!: string;
  @ApiProperty({ example: '50100012345678' }) accountNumber!: string;
  @ApiProperty({ example: 'HDFC0000123', nullable: true, type: String }) bankCode!: string | null;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-c3e0-7a10-9b2c-3d4e5f6a7b8c' }) id!: string;
  @ApiProperty({ example: 'order-8812' }) externalRef!: string;
  @ApiProperty({ format: 'uuid', example: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' })
  quoteId!: string;
  @ApiProperty({
    enum: PAYMENT_STATUSES,
    example: 'PENDING',
    description: 'PENDING → PROCESSING → PAID | FAILED, and PENDING → CANCELLED',
  })
  status!: string;
  @ApiProperty({
    example: '1250.50',
    description: "Decimal string with the currency's minor units",
  })
  amount!: string;
  @ApiProperty({ example: 'INR' }) currency!: string;
  @ApiProperty({ example: 'IN' }) country!: string;
  @ApiProperty({ type: MoneyDto }) fee!: MoneyDto;
  @ApiProperty({ type: BeneficiaryViewDto }) beneficiary!: BeneficiaryViewDto;
  @ApiProperty({ example: 'Invoice 8812', nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ example: 'SUPPLIER_PAYMENT', nullable: true, type: String }) purpose!:
    string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { orderId: '8812' },
  })
  metadata!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String, example: null }) failureReason!: string | null;
  @ApiProperty({
    example: 1,
    description:
      'Grows by one at every change: drop a webhook whose version is older than one you have',
  })
  version!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) updatedAt!: string;
}

export class ItemErrorDto {
  @ApiProperty({ example: QUOTE_ERRORS.expired }) code!: string;
  @ApiProperty({ example: 'quote 0193... expired at 2026-11-24T05:52:19.123Z' }) detail!: string;
}

export class PaymentResultDto {
  @ApiProperty({ example: 0 }) index!: number;
  @ApiProperty({ example: 'order-8812' }) externalRef!: string;
  @ApiProperty({ enum: ['CREATED', 'REPLAYED', 'REJECTED'] }) outcome!: string;
  @ApiPropertyOptional({ type: PaymentDto, description: 'When CREATED or REPLAYED' })
  payment?: PaymentDto;
  @ApiPropertyOptional({ type: ItemErrorDto, description: 'When REJECTED' }) error?: ItemErrorDto;
}

export class CreatePaymentsResponseDto {
  @ApiProperty({ type: [PaymentResultDto], description: 'One result per item, in request order' })
  results!: PaymentResultDto[];
}

export class PaymentPageDto {
  @ApiProperty({ type: [PaymentDto] }) data!: PaymentDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null on the last page',
    example: 'MDE5M2ExYjItYzNlMC03YTEwLTliMmMtM2Q0ZTVmNmE3Yjhj',
  })
  nextCursor!: string | null;
}
