import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyAuth } from '../../shared/http/api-auth.decorator';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { Public } from '../../shared/http/request-context';
import { AccountsService } from '../application/accounts.service';
import { AdminGuard } from './admin.guard';
import { AccountCreatedDto, CreateAccountDto } from './create-account.dto';

@ApiTags('Admin')
@AdminKeyAuth()
@Controller('api/v1/admin/accounts')
@Public()
@UseGuards(AdminGuard)
export class AdminAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an account',
    description:
      'Creates an account and its API key. The key is shown in this answer only. Needs `ADMIN_API_KEY`; without it the route answers 404.',
  })
  @ApiCreatedResponse({
    type: AccountCreatedDto,
    description: 'The account and its API key (shown only here)',
  })
  @ApiProblems(400, 401, 404, 413, 415)
  async create(@Body() body: CreateAccountDto): Promise<AccountCreatedDto> {
    const account = await this.accounts.create(body.name);
    return { ...account, createdAt: account.createdAt.toISOString() };
  }
}
