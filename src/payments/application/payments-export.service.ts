import { Injectable } from '@nestjs/common';
import { pipeline, type Readable } from 'node:stream';
import { PaymentsExportReader } from '../infrastructure/payments-export.reader';
import { toCreatedRange } from './created-range';
import { csvRecords, csvStringifier } from './payments-csv';

export interface ExportQuery {
  createdFrom?: string;
  createdTo?: string;
  status?: string;
}

export interface PaymentsExport {
  filename: string;
  /** CSV text; destroying it (the client went away) closes the database cursor. */
  body: Readable;
}

const compact = (date: Date) => date.toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The reconciliation export: the account's matching payments as CSV, streamed. */
@Injectable()
export class PaymentsExportService {
  constructor(private readonly reader: PaymentsExportReader) {}

  async open(accountId: string, query: ExportQuery): Promise<PaymentsExport> {
    const range = toCreatedRange(query);
    const rows = await this.reader.open(accountId, { ...range, status: query.status });
    // Errors end the chain: every stream is destroyed (the cursor closes, the connection returns
    // to the pool); the response, whose headers are sent, is cut short rather than completed.
    const body = pipeline(rows, csvRecords(), csvStringifier(), () => undefined);
    const from = range.createdFrom ? compact(range.createdFrom) : 'start';
    const to = range.createdTo ? compact(range.createdTo) : 'now';
    return {
      filename: `payments-${from}-${to}${query.status ? `-${query.status}` : ''}.csv`,
      body,
    };
  }
}
