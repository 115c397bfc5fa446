import type { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { CorridorTable } from '../domain/corridor-table';
import { QuotesConfig } from '../quotes.config';
import shippedCorridors from './corridors.json';

/** The shipped table, or the JSON file named by CORRIDORS_FILE, which replaces it whole. */
export const corridorTableProvider: Provider = {
  provide: CorridorTable,
  inject: [QuotesConfig],
  useFactory: (config: QuotesConfig): CorridorTable => loadCorridorTable(config.corridorsFile),
};

/** Throws an error naming the file and the bad entry: the service does not start with it. */
export function loadCorridorTable(file: string | undefined): CorridorTable {
  if (!file) return CorridorTable.from(shippedCorridors);
  try {
    return CorridorTable.from(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`CORRIDORS_FILE=${file}: ${(error as Error).message}`);
  }
}
