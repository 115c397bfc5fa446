import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_FIELDS, BENEFICIARY_FORMATS } from '../../shared/domain';
import { IsCountryCode, IsCurrencyCode } from '../../shared/http/code-validators';
import { MoneyDto } from '../../shared/http/money.dto';

export class CreateQuoteDto {
  @ApiProperty({ description: 'ISO 4217 currency code of the payment', example: 'INR' })
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 code of the beneficiary country', example: 'IN' })
  @IsCountryCode()
  country!: string;
}

export class BeneficiaryRequirementDto {
  @ApiProperty({ enum: BENEFICIARY_FIELDS, example: 'bankCode' }) field!: string;
  @ApiProperty({
    enum: BENEFICIARY_FORMATS,
    example: 'ifsc',
    description:
      'iban: an IBAN of the corridor country with a valid checksum; bic: a SWIFT BIC; aba-routing-number: a US routing ' +
      'number (checksum); ifsc: an Indian IFSC; uk-sort-code: 6 digits; uk-account-number: 8 digits; ' +
      'account-number: any 1..34 characters',
  })
  format!: string;
  @ApiProperty({ example: true, description: 'Whether the field must be given' })
  required!: boolean;
  @ApiPropertyOptional({
    example: 'sort-code',
    description:
      'Requirements sharing an option are one way to name the account (GB: an IBAN, or a sort code with an ' +
      '8-digit account number): meet all of one option, and every requirement without an option',
  })
  option?: string;
}

export class PaymentQuoteDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ example: 'INR' }) currency!: string;
  @ApiProperty({ example: 'IN' }) country!: string;
  @ApiProperty({ type: MoneyDto, description: 'The fee of one payment made with this quote' })
  fee!: MoneyDto;
  @ApiProperty({
    format: 'date-time',
    description: 'After this the quote can no longer be used',
    example: '2026-11-24T05:52:19.123Z',
  })
  expiresAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '100.00',
    description: 'The smallest amount a payment into this corridor may have (inclusive), or null',
  })
  minAmount!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '10000000.00',
    description: 'The largest amount a payment into this corridor may have (inclusive), or null',
  })
  maxAmount!: string | null;
  @ApiProperty({
    type: [BeneficiaryRequirementDto],
    description: "What the payment's beneficiary must carry in this corridor, and in which format",
    example: [
      { field: 'accountNumber', format: 'account-number', required: true },
      { field: 'bankCode', format: 'ifsc', required: true },
    ],
  })
  beneficiaryRequirements!: BeneficiaryRequirementDto[];
}
