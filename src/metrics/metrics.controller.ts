import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../shared/http/request-context';

@ApiTags('Operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'HTTP latency, outbox backlog, webhook deliveries and attempts.',
  })
  @ApiOkResponse({ description: 'Prometheus text format' })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
