import type { Request } from 'express';

/** The key a caller presents: `Authorization: Bearer <key>`, or the `ApiKey` header. */
export function presentedKey(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const apiKey = request.headers['apikey'];
  const key = bearer ?? (typeof apiKey === 'string' ? apiKey.trim() : undefined);
  return key && key.length <= 200 ? key : undefined;
}
