import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../shared/http/api-problems.decorator';
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
    description: 'HTTP latency, outbox backlog, webhook deliveries and attempts. Needs no API key.',
    security: [],
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text format',
    content: {
      'text/plain': {
        schema: { type: 'string', example: 'http_requests_total{method="GET",status="200"} 1\n' },
      },
    },
  })
  @ApiProblems()
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
