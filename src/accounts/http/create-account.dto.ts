import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateAccountDto {
  @ApiProperty({ example: 'Acme', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class AccountCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme' }) name!: string;
  @ApiProperty({ description: 'Shown once: only its SHA-256 is stored.', example: 'sk_live_...' })
  apiKey!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
