/**
 * Module boundaries (README "Architecture", ADR 3, ADR 14 and ADR 17). Run: `npm run lint:deps`.
 *
 * Paths are resolved through tsconfig.json, and type-only imports count too (tsPreCompilationDeps):
 * a `domain/` file may not even name an ORM or HTTP type.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const BUSINESS = '(accounts|quotes|payments|webhooks|outbox)';

module.exports = {
  forbidden: [
    {
      name: 'module-only-through-index',
      severity: 'error',
      comment:
        'A business module imports another one only through its public face, src/<module>/index.ts ' +
        '(e.g. src/payments may import src/quotes/index.ts, never src/quotes/domain/...).',
      from: { path: `^src/${BUSINESS}/` },
      to: {
        path: `^src/${BUSINESS}/`,
        pathNot: [
          // its own module
          '^src/$1/',
          // another module's index.ts
          `^src/${BUSINESS}/index\\.ts$`,
        ],
      },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        'domain/ holds entities, value objects and rules only: no NestJS, no MikroORM, no Express, ' +
        'and nothing from any http/ or infrastructure/ folder.',
      from: { path: '^src/[^/]+/domain/' },
      to: {
        path: [
          '(^|/)node_modules/@nestjs/',
          '^@nestjs/',
          '(^|/)node_modules/@mikro-orm/',
          '^@mikro-orm/',
          '(^|/)node_modules/(@types/)?express(-serve-static-core)?/',
          '^express$',
          '^src/.*/(http|infrastructure)/',
        ],
      },
    },
    {
      name: 'shared-kernel-is-independent',
      severity: 'error',
      comment: 'src/shared is the shared kernel: it must not depend on any business module.',
      from: { path: '^src/shared/' },
      to: { path: `^src/${BUSINESS}/` },
    },
    {
      name: 'database-knows-no-module',
      severity: 'error',
      comment:
        'src/database is plumbing: each module registers its own entities (MikroOrmModule.forFeature); ' +
        'the CLI and the drift check find the *.schema.ts files by name (entity-schemas.ts).',
      from: { path: '^src/database/' },
      to: { path: `^src/${BUSINESS}/` },
    },
    {
      name: 'index-publishes-no-infrastructure-or-http',
      severity: 'error',
      comment:
        "A module's index.ts publishes the module, its ports and its Nest-free contracts, never " +
        'its infrastructure/ or http/.',
      from: { path: `^src/${BUSINESS}/index\\.ts$` },
      to: { path: `^src/${BUSINESS}/(infrastructure|http)/` },
    },
    {
      name: 'contracts-are-framework-free',
      severity: 'error',
      comment: "A module's contracts.ts (event types, payloads) names no NestJS or MikroORM type.",
      from: { path: `^src/${BUSINESS}/contracts\\.ts$` },
      to: {
        path: [
          '(^|/)node_modules/@nestjs/',
          '^@nestjs/',
          '(^|/)node_modules/@mikro-orm/',
          '^@mikro-orm/',
        ],
      },
    },
    {
      name: 'application-uses-ports',
      severity: 'error',
      comment:
        'application/ reaches infrastructure/ only for repositories and readers (which have no port); ' +
        'an adapter behind a port (quote reservations, payout provider, webhook transport, host ' +
        'resolver) is used through its port and bound in the module.',
      from: { path: '^src/([^/]+)/application/' },
      to: {
        path: '^src/$1/infrastructure/',
        pathNot: ['\\.(repository|reader)\\.ts$'],
      },
    },
    {
      name: 'config-sections-are-plain',
      severity: 'error',
      comment:
        "A settings section (src/<module>/<name>.config.ts, ADR 17) is a plain class: no NestJS, " +
        'no MikroORM, no code of the service, so src/config can compose it without loading its module.',
      from: { path: '^src/[^/]+/[^/]+\\.config\\.ts$' },
      to: {
        path: [
          '(^|/)node_modules/@nestjs/',
          '^@nestjs/',
          '(^|/)node_modules/@mikro-orm/',
          '^@mikro-orm/',
          '^src/',
        ],
      },
    },
    {
      name: 'config-reads-only-sections',
      severity: 'error',
      comment:
        "src/config composes the modules' settings sections; it imports nothing else of a module " +
        '(ADR 17).',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: ['^src/config/', '^src/shared/', '\\.config\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only imports included. A cycle through index.ts barrels usually ' +
        'means a module reaches into another one that depends back on it.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Prefer the TypeScript sources and types over compiled output when resolving.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
