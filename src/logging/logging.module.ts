import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import type { AuthenticatedRequest } from '../shared/http/request-context';

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

const REQUEST_ID = /^[\w.:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string | number | object };

/** Reuses a sane caller-supplied x-request-id, or makes one; either way it is echoed back. */
export function requestId(req: WithId, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}

/** Routes polled by load balancers and Prometheus, several times a second and instance. */
const OPERATIONS_ROUTES = [
  { path: 'health/{*path}', method: RequestMethod.ALL },
  { path: 'metrics', method: RequestMethod.ALL },
];

function accountBindings(req: AuthenticatedRequest): { accountId: string } | undefined {
  return req.accountId === undefined ? undefined : { accountId: req.accountId };
}

/** Runs first of all, so that even answers given before routing (a malformed body) carry the id. */
export function assignRequestId(req: WithId, res: ServerResponse, next: () => void): void {
  requestId(req, res);
  next();
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Probes and metrics log nothing per request (see autoLogging): no request logger there.
          exclude: OPERATIONS_ROUTES,
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestId,
            redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
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
            // One line per request at info; above info nothing would be written, so skip the work.
            autoLogging: LOGS_REQUESTS.has(config.LOG_LEVEL) && {
              ignore: (req) => req.url?.startsWith('/health') === true || req.url === '/metrics',
            },
            quietReqLogger: true,
          },
        }),
      ],
    };
  }
}
