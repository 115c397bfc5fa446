import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { EXPORT_PAYMENTS } from './payments.sql';

export interface ExportFilter {
  status?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

/** Rows fetched per round trip: large enough to be cheap, small enough to keep memory flat. */
const BATCH_SIZE = 1000;

/**
 * Streams an account's payments from a server-side cursor (`pg-query-stream`) on a connection
 * borrowed from the pool: rows are fetched a batch at a time, only when the reader wants more,
 * so the export's memory does not grow with its size. The connection goes back to the pool when
 * the stream closes, at its end or when the client goes away.
 */
@Injectable()
export class PaymentsExportReader {
  constructor(private readonly em: EntityManager) {}

  async open(accountId: string, filter: ExportFilter): Promise<Readable> {
    const client = this.em.getConnection().getKnex().client as KnexClient;
    const connection = await client.acquireConnection();
    const rows = connection.query(
      new QueryStream(
        EXPORT_PAYMENTS,
        [accountId, filter.status ?? null, filter.createdFrom ?? null, filter.createdTo ?? null],
        { batchSize: BATCH_SIZE },
      ),
    ) as unknown as Readable;
    rows.once('close', () => client.releaseConnection(connection));
    return rows;
  }
}

/** The part of knex's client this reader uses. */
interface KnexClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}
