import { type DynamicModule, Module } from '@nestjs/common';
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
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestId,
            redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
            customProps: (req) => ({ accountId: (req as AuthenticatedRequest).accountId }),
            autoLogging: {
              ignore: (req) => req.url?.startsWith('/health') === true || req.url === '/metrics',
            },
            quietReqLogger: true,
          },
        }),
      ],
    };
  }
}
