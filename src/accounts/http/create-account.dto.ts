import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateAccountDto {
  @ApiProperty({ example: 'Acme', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class AccountCreatedDto {
  @ApiProperty({ format: 'uuid', example: '0193a1b2-b000-7e50-9f60-7a8b9c0d1e2f' }) id!: string;
  @ApiProperty({ example: 'Acme' }) name!: string;
  @ApiProperty({ description: 'Shown once: only its SHA-256 is stored.', example: 'sk_live_...' })
  apiKey!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T05:37:19.123Z' }) createdAt!: string;
}
