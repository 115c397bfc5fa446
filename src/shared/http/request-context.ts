import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** What authentication found out about the caller, attached to the request by the API key guard. */
export interface AuthenticatedRequest extends Request {
  accountId?: string;
}

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no API key (health, metrics, admin routes with their own guard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The id of the account the caller's API key belongs to. */
export const CurrentAccount = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => {
    const accountId = ctx.switchToHttp().getRequest<AuthenticatedRequest>().accountId;
    if (!accountId) throw new Error('CurrentAccount used on a route without authentication');
    return accountId;
  },
);
