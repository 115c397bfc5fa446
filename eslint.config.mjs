// @ts-check
/**
 * ESLint 9 flat config: typescript-eslint type-checked rules over src/, test/ and bench/, with
 * Prettier owning formatting (eslint-config-prettier turns every style rule off).
 *
 * bench/ is plain JavaScript (ES modules run by node): the recommended rules with Node's globals.
 *
 * Typed linting: src/ is covered by tsconfig.json; test/ and bench/ are not in its `include`, so the
 * project service opens them in a default project built from tsconfig.json's compiler options.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];

export default defineConfig(
  {
    // The TypeScript under src/, test/ and bench/ is linted, and bench/'s JavaScript.
    ignores: [
      'dist/**',
      'coverage/**',
      '.data/**',
      'node_modules/**',
      'migrations/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '!bench/**/*.mjs',
    ],
  },
  {
    files: ['bench/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: globals.node },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // No `**` allowed here: one pattern per depth.
          allowDefaultProject: [
            'test/*.ts',
            'test/*/*.ts',
            'test/*/*/*.ts',
            'bench/*.ts',
            'bench/*/*.ts',
          ],
          defaultProject: 'tsconfig.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 200,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Nest modules are decorated empty classes.
      '@typescript-eslint/no-extraneous-class': 'off',
      // `constructor(private readonly x: X) {}` is how Nest injects: the TS versions of these rules
      // understand parameter properties, the base ones do not.
      'no-useless-constructor': 'off',
      '@typescript-eslint/no-useless-constructor': 'error',
      'no-empty-function': 'off',
      '@typescript-eslint/no-empty-function': [
        'error',
        { allow: ['arrowFunctions', 'decoratedFunctions', 'overrideMethods'] },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        // Nest and Node accept async callbacks in many void-typed places (hooks, event handlers).
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // Entry point and benchmarks talk to the terminal.
    files: ['src/main.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests: supertest bodies are `any`, `expect(obj.method)` is not an unbound call, and test
    // doubles implement async ports without awaiting anything.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Last: switch off every rule that would fight Prettier.
  prettier,
);
