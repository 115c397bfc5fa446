import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { problem, ProblemException } from '../../shared/http/problem';
import { AccountsConfig } from '../accounts.config';
import { presentedKey } from './presented-key';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Admin routes exist only when ADMIN_API_KEY is set; otherwise they answer like unknown routes. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly config: AccountsConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const adminKey = this.config.adminApiKey;
    if (!adminKey) throw new NotFoundException();
    const key = presentedKey(context.switchToHttp().getRequest<Request>());
    if (!key || !timingSafeEqual(digest(key), digest(adminKey))) {
      throw new ProblemException(problem(401, 'unauthorized', 'An admin API key is required'), {
        'www-authenticate': 'Bearer',
      });
    }
    return true;
  }
}
