/** One Jest run for unit (src/**\/*.spec.ts) and e2e (test/**\/*.e2e-spec.ts) tests. */
// ts-jest without type checking (`npm run lint:types` type-checks the tests): a pure-JS
// transformer, because the registry these machines reach lacks the other platforms' builds of
// native ones (SWC).
const tsJest = ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }];

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(src/.*\\.spec|test/.*\\.e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // The response contract: each answer of a test app checked against docs/openapi.json.
  setupFilesAfterEnv: ['<rootDir>/test/support/contract/contract-hooks.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
