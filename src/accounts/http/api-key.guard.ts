import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problem, ProblemException } from '../../shared/http/problem';
import { type AuthenticatedRequest, IS_PUBLIC } from '../../shared/http/request-context';
import { AccountsService } from '../application/accounts.service';
import { presentedKey } from './presented-key';

const unauthorized = (detail: string) =>
  new ProblemException(problem(401, 'unauthorized', detail), { 'www-authenticate': 'Bearer' });

/** Every route needs an API key unless marked @Public(); the key decides the caller's account. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = presentedKey(request);
    if (!key)
      throw unauthorized('Send an API key as "Authorization: Bearer <key>" or "ApiKey: <key>"');
    const accountId = await this.accounts.authenticate(key);
    if (!accountId) throw unauthorized('The API key is not valid');
    const claimed = request.headers['accountid'];
    if (claimed !== undefined && claimed !== accountId) {
      throw new ProblemException(
        problem(
          403,
          'account-mismatch',
          'The AccountId header does not name the account of this API key',
        ),
      );
    }
    request.accountId = accountId;
    return true;
  }
}
