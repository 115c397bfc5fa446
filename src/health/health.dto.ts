import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ProblemDto } from '../shared/http/problem.dto';

const CHECKS_EXAMPLE = { database: { status: 'up' }, migrations: { status: 'up' } };
const CHECKS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'Each check by name: `status` up or down, and what the check adds',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    required: ['status'],
    // A failing check says why (`message`, the `pending` migrations, ...).
    additionalProperties: true,
  },
};

export class LiveDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** What @nestjs/terminus answers when every check is up. */
export class ReadyDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiPropertyOptional({ ...CHECKS_SCHEMA, example: CHECKS_EXAMPLE }) info?: object;
  @ApiPropertyOptional({ ...CHECKS_SCHEMA, example: {} }) error?: object;
  @ApiProperty({ ...CHECKS_SCHEMA, example: CHECKS_EXAMPLE }) details!: object;
}

/** 503 `not-ready`: the problem, plus every check's result. */
export class NotReadyProblemDto extends ProblemDto {
  @ApiProperty({
    ...CHECKS_SCHEMA,
    example: { database: { status: 'down', message: 'timeout' }, migrations: { status: 'up' } },
  })
  checks!: object;
}
