import { MikroORM } from '@mikro-orm/postgresql';
import { applyDecorators, Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { pendingMigrations } from '../database/migrate';
import { ApiProblem, ApiProblems, COMMON_PROBLEMS } from '../shared/http/api-problems.decorator';
import { Public } from '../shared/http/request-context';
import { LiveDto, NotReadyProblemDto, ReadyDto } from './health.dto';

/** The common problems, but a failed readiness check is a 503 that names each check. */
const ReadinessProblems = () =>
  applyDecorators(
    ...COMMON_PROBLEMS.filter((status) => status !== 503).map((status) => ApiProblem(status)),
    ApiProblem(503, NotReadyProblemDto, 'Not ready (`not-ready`): `checks` names the failing ones'),
  );

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

  // A 429 here would read as "dead" and get a healthy instance restarted; the answer is a
  // constant, so there is nothing to protect.
  @SkipThrottle()
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
  @ReadinessProblems()
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
