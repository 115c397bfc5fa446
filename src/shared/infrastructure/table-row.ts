import { type EntityManager, JsonType } from '@mikro-orm/postgresql';

/**
 * A new entity as its table's row, keyed by column name, for a raw batch statement
 * (`jsonb_populate_recordset`): the schema's own types convert each field, so the columns are
 * listed nowhere but in the schema.
 */
export function tableRow(em: EntityManager, entity: object): Record<string, unknown> {
  const platform = em.getPlatform();
  const fields = entity as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const prop of em.getMetadata().get(entity.constructor.name).props) {
    if (prop.persist === false) continue;
    const value = fields[prop.name];
    const stored: unknown = prop.customType
      ? prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' })
      : value;
    // JSON types serialize to text; the row is JSON already, so they go in as objects.
    const json = prop.customType instanceof JsonType && typeof stored === 'string';
    row[prop.fieldNames[0]] = json ? JSON.parse(stored) : stored;
  }
  return row;
}
