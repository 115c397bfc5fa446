import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Page } from '../../shared/application/page-cursor';
import { ApiKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { CurrentAccount } from '../../shared/http/request-context';
import { EventsService } from '../application/events.service';
import type { EventEnvelope } from '../domain/event-envelope';
import { EventDto, EventHistoryDto, EventPageDto, EventsQueryDto } from './event.dto';

@ApiTags('Events')
@ApiKeyAuth()
@Controller('api/v1')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  @ApiOperation({
    summary: 'List events',
    description:
      'Every event the service recorded, as the envelope it delivers (same id, type, createdAt and data), newest ' +
      'first, kept EVENT_RETENTION_DAYS. A client that missed webhooks catches up by polling.',
  })
  @ApiOkResponse({ type: EventPageDto, description: 'A page of events, newest first' })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentAccount() accountId: string,
    @Query() query: EventsQueryDto,
  ): Promise<Page<EventEnvelope>> {
    const { limit, cursor, ...filter } = query;
    return this.events.list(accountId, filter, limit, cursor);
  }

  @Get('events/:id')
  @ApiOperation({
    summary: 'Retrieve an event',
    description: "The envelope exactly as delivered. Another account's event answers 404.",
  })
  @ApiOkResponse({ type: EventDto, description: 'The event' })
  @ApiProblems(401, 403, 404)
  get(@CurrentAccount() accountId: string, @Param('id') id: string): Promise<EventEnvelope> {
    return this.events.get(accountId, id);
  }

  @Get('payments/:id/events')
  @ApiOperation({
    summary: "A payment's events",
    description: "The payment's history, oldest first (data.version 1, 2, ...), as delivered.",
  })
  // A UUID: so `GET /payments/subscriptions/{id}` is never this route (the contract rule knows).
  @ApiParam({ name: 'id', format: 'uuid', description: 'The payment id' })
  @ApiOkResponse({ type: EventHistoryDto, description: 'The events, oldest first' })
  @ApiProblems(401, 403, 404)
  ofPayment(
    @CurrentAccount() accountId: string,
    @Param('id') id: string,
  ): Promise<{ data: EventEnvelope[] }> {
    return this.events.ofPayment(accountId, id);
  }
}
