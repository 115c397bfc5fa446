import { MikroORM } from '@mikro-orm/postgresql';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { pendingMigrations } from '../database/migrate';
import { ApiProblem, ApiProblems } from '../shared/http/api-problems.decorator';
import { Public } from '../shared/http/request-context';
import { LiveDto, NotReadyProblemDto, ReadyDto } from './health.dto';

@ApiTags('Operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly orm: MikroORM,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness',
    description: 'The process is up and serving HTTP. Needs no API key.',
    security: [],
  })
  @ApiOkResponse({ type: LiveDto, description: 'Alive' })
  @ApiProblems()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness',
    description: 'The database answers and every migration is applied. Needs no API key.',
    security: [],
  })
  @ApiOkResponse({ type: ReadyDto, description: 'Ready: every check is up' })
  @ApiProblem(429)
  @ApiProblem(503, NotReadyProblemDto, 'Not ready (`not-ready`): `checks` names the failing ones')
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => {
        const indicator = this.indicators.check('migrations');
        const pending = await pendingMigrations(this.orm);
        return pending.length === 0 ? indicator.up() : indicator.down({ pending });
      },
    ]);
  }
}
