import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { RequestIds } from './logging/request-ids';
import { HttpMetrics } from './metrics/http-metrics.middleware';
import { SECURITY_SCHEMES } from './shared/http/api-auth.decorator';
import { RuntimeConfig } from './config/runtime.config';
import { closeRequestSchemas } from './shared/http/closed-request-schemas';
import { operationsOnly } from './shared/http/operations-only';
import { ProblemDetailsFilter } from './shared/http/problem-details.filter';
import { readRequestInput } from './shared/http/request-input';
import { flattenValidationErrors, validationProblem } from './shared/http/validation-errors';

export function buildOpenApiDocument(app: INestApplication) {
  const builder = new DocumentBuilder()
    .setTitle('Payments API')
    .setDescription(
      'Quotes, idempotent batch payments and signed webhooks. Authorize with an API key ' +
        '(outside production the demo key `sk_test_demo` works), as `Authorization: Bearer <key>` or `ApiKey: <key>`. ' +
        'Every error is `application/problem+json`.',
    )
    .setVersion('1.0.0')
    // Relative: the document describes whichever host serves it (and stays valid for generators).
    .addServer('/');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  return closeRequestSchemas(SwaggerModule.createDocument(app, builder.build()));
}

/** Everything between Express and the controllers; shared by the service and the e2e tests. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Answers are per caller and change: a hash of every body for conditional GETs nobody makes.
  app.set('etag', false);
  app.set('trust proxy', false);
  const { servesApi } = app.get(RuntimeConfig);
  app.use(app.get(RequestIds).middleware);
  if (!servesApi) app.use(operationsOnly);
  app.use(readRequestInput, app.get(HttpMetrics).middleware);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (!servesApi) return;
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}
