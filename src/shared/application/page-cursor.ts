/** Opaque list cursors: the id of the last item of a page (ids are time-ordered UUID v7). */
import { isUuid, validationFailed } from '../domain';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) {
    throw validationFailed([
      {
        field: 'cursor',
        code: 'invalid-cursor',
        message: 'cursor is not a cursor this API returned',
      },
    ]);
  }
  return id;
}
