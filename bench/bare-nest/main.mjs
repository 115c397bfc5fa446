// The framework ceiling (issue 14): a bare NestJS app on Express, the versions the service uses,
// one controller answering a constant JSON. No middleware, guard, pipe or logger of ours.
// Started by the floor phase as its own process:  PORT=3900 node bench/bare-nest/main.mjs
// Plain JavaScript has no decorator syntax: the decorators are applied as the functions they are.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

class ConstantController {
  constant() {
    return { status: 'ok' };
  }
}
const method = Object.getOwnPropertyDescriptor(ConstantController.prototype, 'constant');
Get()(ConstantController.prototype, 'constant', method);
Controller('constant')(ConstantController);

class BareModule {}
Module({ controllers: [ConstantController] })(BareModule);

const port = Number(process.env.PORT ?? 3900);
const app = await NestFactory.create(BareModule, { logger: false });
await app.listen(port, '127.0.0.1');
process.stdout.write(`ready on ${port}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
