import { ApiProperty } from '@nestjs/swagger';
import { IsCountryCode, IsCurrencyCode } from '../../shared/http/code-validators';

export class CreateQuoteDto {
  @ApiProperty({ description: 'ISO 4217 currency code of the payment', example: 'INR' })
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 code of the beneficiary country', example: 'IN' })
  @IsCountryCode()
  country!: string;
}

export class MoneyDto {
  @ApiProperty({
    description: "Decimal string with the currency's ISO 4217 minor units",
    example: '25.00',
  })
  amount!: string;
  @ApiProperty({ example: 'INR' }) currency!: string;
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
}
