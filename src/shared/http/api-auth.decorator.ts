import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { SecuritySchemeObject } from '@nestjs/swagger';

/**
 * The security schemes of the OpenAPI document. A key is accepted as `Authorization: Bearer <key>`
 * or as the `ApiKey: <key>` header (see presented-key.ts): each way is a scheme of its own, so that
 * generators and validating proxies (Prism) accept either. The account key and the admin key are
 * different credentials, hence two pairs.
 */
export const SECURITY_SCHEMES: Readonly<Record<string, SecuritySchemeObject>> = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'API key',
    description:
      'Your API key, e.g. sk_test_demo, as `Authorization: Bearer <key>` (or use the `apiKey` scheme). ' +
      "An optional `AccountId` header must name the key's account (else 403). Every answer carries `x-request-id`.",
  },
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'ApiKey',
    description: 'Your API key as the `ApiKey: <key>` header, instead of `Authorization: Bearer`.',
  },
  admin: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'API key',
    description: 'ADMIN_API_KEY as `Authorization: Bearer <key>`',
  },
  adminApiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'ApiKey',
    description: 'ADMIN_API_KEY as the `ApiKey: <key>` header',
  },
};

/** A route behind the API key guard: either way of presenting the account's key works. */
export const ApiKeyAuth = () => applyDecorators(ApiBearerAuth('bearer'), ApiSecurity('apiKey'));

/** A route behind the admin guard: the admin key, either way. */
export const AdminKeyAuth = () =>
  applyDecorators(ApiBearerAuth('admin'), ApiSecurity('adminApiKey'));
