import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { DecimalAmount } from '../../shared/http/decimal-amount';
import { ObjectItems } from '../../shared/http/object-items';
import {
  BENEFICIARY_LIMITS,
  EXTERNAL_REF_MAX_LENGTH,
  isValidExternalRef,
  PAYMENT_DETAILS_LIMITS,
  PAYMENT_ERRORS,
  PAYMENT_METADATA_LIMITS,
  PAYMENTS_PER_REQUEST_MAX,
} from '../domain';

const L = PAYMENT_METADATA_LIMITS;
const E = PAYMENT_ERRORS;

const IsMetadata = () =>
  ValidateBy({
    name: E.invalidMetadata,
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= L.maxKeys &&
        Object.entries(value).every(
          ([k, v]) =>
            k.length >= 1 &&
            k.length <= L.keyMaxLength &&
            typeof v === 'string' &&
            [...v].length <= L.valueMaxLength,
        ),
      defaultMessage: (a) =>
        `${a?.property} must be an object of at most ${L.maxKeys} string values (keys 1..${L.keyMaxLength}, values up to ${L.valueMaxLength} characters)`,
    },
  });

const IsExternalRef = () =>
  ValidateBy({
    name: E.invalidExternalRef,
    validator: {
      validate: isValidExternalRef,
      defaultMessage: (a) =>
        `${a?.property} must be 1..${EXTERNAL_REF_MAX_LENGTH} printable characters`,
    },
  });

export class BeneficiaryDto {
  @ApiProperty({ example: 'Asha Rao', minLength: 1, maxLength: BENEFICIARY_LIMITS.nameMaxLength })
  @IsString()
  @Length(1, BENEFICIARY_LIMITS.nameMaxLength)
  name!: string;

  @ApiProperty({
    example: '50100012345678',
    minLength: 1,
    maxLength: BENEFICIARY_LIMITS.accountNumberMaxLength,
    description:
      "In the format the quote's `beneficiaryRequirements` name: an IBAN in IBAN corridors (spaces and case do not " +
      'matter; it is stored without spaces, upper case), an 8-digit number with a sort code for GB, else the local ' +
      'account number. In the sandbox, a number ending in 0000 fails with "beneficiary account closed" (e.g. the valid ' +
      `IBAN DE94370400440532010000). A number breaking its format: 400 \`${E.invalidIban}\` / \`${E.invalidAccountNumber}\`.`,
  })
  @IsString()
  @Length(1, BENEFICIARY_LIMITS.accountNumberMaxLength)
  accountNumber!: string;

  @ApiPropertyOptional({
    example: 'HDFC0000123',
    maxLength: BENEFICIARY_LIMITS.bankCodeMaxLength,
    description:
      `As the quote's \`beneficiaryRequirements\` say: an ABA routing number for US (required, \`${E.invalidRoutingNumber}\`), ` +
      `an IFSC for IN (required, \`${E.invalidIfsc}\`), a sort code for GB without IBAN (\`${E.invalidSortCode}\`), an optional ` +
      `BIC in IBAN corridors (\`${E.invalidBic}\`). BIC and IFSC are stored upper case, a sort code as its 6 digits.`,
  })
  @IsOptional()
  @IsString()
  @Length(1, BENEFICIARY_LIMITS.bankCodeMaxLength)
  bankCode?: string;
}

export class PaymentItemDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The id of an unexpired, unused quote of yours',
    example: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  })
  @IsUUID('all')
  quoteId!: string;

  @ApiProperty({
    example: 'order-8812',
    description: `Your idempotency key: unique per account, 1..${EXTERNAL_REF_MAX_LENGTH} printable characters`,
    maxLength: EXTERNAL_REF_MAX_LENGTH,
  })
  @IsExternalRef()
  externalRef!: string;

  @ApiProperty({
    oneOf: [
      { type: 'string', example: '1250.50' },
      { type: 'number', example: 1250.5 },
    ],
    description: "Greater than 0, at most 1e12, with at most the currency's ISO 4217 decimals",
  })
  @IsDefined()
  @DecimalAmount()
  amount!: string;

  @ApiProperty({ type: BeneficiaryDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BeneficiaryDto)
  beneficiary!: BeneficiaryDto;

  @ApiPropertyOptional({
    example: 'Invoice 8812',
    maxLength: PAYMENT_DETAILS_LIMITS.referenceMaxLength,
  })
  @IsOptional()
  @IsString()
  @Length(1, PAYMENT_DETAILS_LIMITS.referenceMaxLength)
  reference?: string;

  @ApiPropertyOptional({
    example: 'SUPPLIER_PAYMENT',
    maxLength: PAYMENT_DETAILS_LIMITS.purposeMaxLength,
  })
  @IsOptional()
  @IsString()
  @Length(1, PAYMENT_DETAILS_LIMITS.purposeMaxLength)
  purpose?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { orderId: '8812' },
  })
  @IsOptional()
  @IsMetadata()
  // class-transformer would drop keys such as "toString" while copying: keep the object as sent.
  @Transform(({ obj }: { obj: { metadata?: unknown } }) => obj.metadata, { toClassOnly: true })
  metadata?: Record<string, string>;
}

export class CreatePaymentsRequestDto {
  // No `default: false` in the schema: generators (openapi-typescript) would make the field required.
  @ApiPropertyOptional({
    example: false,
    description:
      'All or nothing: if any item is rejected, nothing is written. Absent means false: items are independent.',
  })
  @IsOptional()
  @IsBoolean()
  atomic?: boolean;

  @ApiProperty({ type: [PaymentItemDto], minItems: 1, maxItems: PAYMENTS_PER_REQUEST_MAX })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PAYMENTS_PER_REQUEST_MAX)
  @ObjectItems()
  @ValidateNested({ each: true })
  @Type(() => PaymentItemDto)
  payments!: PaymentItemDto[];
}
