/**
 * A dunning stage: letters 1 to 4 of the collections policy (lib/collections/policy.ts).
 * The one definition: a kernel, so the law profiles, collections and letters share it without
 * importing each other.
 */
export type Stage = 1 | 2 | 3 | 4;
