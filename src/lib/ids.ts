// Ids for rows a user creates (review logs…): random, so that two tabs or devices never collide.
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
