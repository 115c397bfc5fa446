import { ApiProperty } from '@nestjs/swagger';

/** An exact amount as every answer writes it: quotes' fees, payments' amounts and fees. */
export class MoneyDto {
  @ApiProperty({
    description: "Decimal string with the currency's ISO 4217 minor units",
    example: '25.00',
  })
  amount!: string;
  @ApiProperty({ example: 'INR' }) currency!: string;
}
