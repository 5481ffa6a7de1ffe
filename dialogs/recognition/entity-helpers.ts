import type { Entity, EntityType, Recognition } from '../../app/ports';

/** Every entity of one type, in text order. */
export function entitiesOfType<T extends EntityType>(r: Pick<Recognition, 'entities'>, type: T): Entity<T>[] {
  return r.entities.filter((e) => e.type === type) as Entity<T>[];
}

/** The first entity of a type, or undefined. */
export function firstEntity<T extends EntityType>(r: Pick<Recognition, 'entities'>, type: T): Entity<T> | undefined {
  return entitiesOfType(r, type)[0];
}

/** The distinct normalized values of one type, in text order. */
export function entityValues<T extends EntityType>(r: Pick<Recognition, 'entities'>, type: T): Entity<T>['value'][] {
  return [...new Set(entitiesOfType(r, type).map((e) => e.value))];
}
