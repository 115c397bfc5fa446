import type { EntityClass, EntityData, EntityManager } from '@mikro-orm/postgresql';

/**
 * A row read by a named statement as its domain object, mapped by the schema as `em.map` maps it,
 * but not managed by the unit of work: for aggregates whose changes a named statement writes, so
 * that no flush writes them a second time (and no flush spends time comparing them).
 */
export function untrackedEntity<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  row: Record<string, unknown>,
): T {
  const data = em.getDriver().mapResult(row as EntityData<T>, em.getMetadata().get<T>(entity.name));
  return em
    .getEntityFactory()
    .create<T>(entity, data as EntityData<T>, { merge: false, convertCustomTypes: true });
}
