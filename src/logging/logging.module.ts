import { type DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { AuthenticatedRequest } from '../shared/http/request-context';
import type { LoggingConfig } from './logging.config';
import { isOperationsPath, RequestIds, requestId } from './request-ids';

/** Where secrets can appear in a log line; pino replaces them before the line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.apikey',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.secret',
  '*.password',
];

const LOGS_REQUESTS = new Set(['info', 'debug', 'trace']);

/** Routes polled by load balancers and Prometheus (see isOperationsPath). */
const OPERATIONS_ROUTES = [
  { path: 'health/{*path}', method: RequestMethod.ALL },
  { path: 'metrics', method: RequestMethod.ALL },
];

function accountBindings(req: AuthenticatedRequest): { accountId: string } | undefined {
  return req.accountId === undefined ? undefined : { accountId: req.accountId };
}

@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: LoggingConfig): DynamicModule {
    const logger = pino({
      level: config.level,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    });
    // One line per request at info and below; above info none is written, so pino-http's work
    // per request is skipped and RequestIds binds the request's id to its logger instead.
    const logsRequests = LOGS_REQUESTS.has(config.level);
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          exclude: OPERATIONS_ROUTES,
          ...(logsRequests ? {} : { useExisting: true as const }),
          pinoHttp: {
            logger,
            genReqId: requestId,
            // Known once the key is checked: nothing to bind before (a child logger per request
            // for an undefined field was a third of pino's cost per request), the line that ends
            // the request carries it.
            // pino-http skips the child for a falsy value (logger.js); its types only say object.
            customProps: (req) => accountBindings(req as AuthenticatedRequest) as object,
            // Small request/response records: no headers or bodies (nothing to leak), and less
            // serialization on the hot path.
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: logsRequests && { ignore: (req) => isOperationsPath(req.url) },
            quietReqLogger: true,
          },
        }),
      ],
      providers: [
        { provide: RequestIds, useValue: new RequestIds(logsRequests ? undefined : logger) },
      ],
      exports: [RequestIds],
    };
  }
}
