import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/**
 * A date ("2026-11-24", midnight UTC) or a date-time with its offset ("2026-11-24T05:37:19Z",
 * "...+05:30"): a time without an offset would be read in the server's zone, so it is refused.
 */
const DATE_OR_ZONED_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const IsInstant = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description, example }),
    IsOptional(),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(DATE_OR_ZONED_TIME, {
      message: '$property must be an ISO 8601 date or a date-time with Z or an offset',
    }),
  );

/** `createdFrom` (inclusive) and `createdTo` (exclusive) of the time-filtered payment routes. */
export class CreatedRangeQuery {
  @IsInstant('Only payments created at or after this time (ISO 8601)', '2026-11-01T00:00:00Z')
  createdFrom?: string;

  @IsInstant('Only payments created before this time (ISO 8601, exclusive)', '2026-12-01T00:00:00Z')
  createdTo?: string;
}
