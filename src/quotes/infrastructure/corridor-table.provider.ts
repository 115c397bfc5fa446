import type { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { AppConfig } from '../../config/app-config';
import { type CorridorFees, CorridorTable } from '../domain/corridor-table';
import shippedCorridors from './corridors.json';

/** The shipped table, or the JSON file named by CORRIDORS_FILE, which replaces it whole. */
export const corridorTableProvider: Provider = {
  provide: CorridorTable,
  inject: [AppConfig],
  useFactory: (config: AppConfig): CorridorTable => {
    if (!config.CORRIDORS_FILE) return CorridorTable.from(shippedCorridors);
    try {
      return CorridorTable.from(
        JSON.parse(readFileSync(config.CORRIDORS_FILE, 'utf8')) as CorridorFees,
      );
    } catch (error) {
      throw new Error(`CORRIDORS_FILE=${config.CORRIDORS_FILE}: ${(error as Error).message}`);
    }
  },
};
