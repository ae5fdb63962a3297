/** A dunning stage: letters 1 to 4 of the collections policy (lib/collections/policy.ts). */
export type Stage = 1 | 2 | 3 | 4;
