import { v7 as uuidv7, validate, version } from 'uuid';

/** Time-ordered ids (UUID v7): index-friendly and sortable by creation time. */
export const newId = (): string => uuidv7();

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && validate(value) && version(value) >= 1;
