import { randomFillSync } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a URL can be a row id at all: anything else is "not found", never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// Random bytes are drawn 4 KB at a time and handed out 16 a row, as crypto.randomUUID
// does: one draw per id was the largest single cost of recording a 50,000-line bank
// statement on the Node side (randomFillSync in the profile).
const POOL = Buffer.alloc(4096);
let poolAt = POOL.length;

/** A UUID version 7 (time-ordered, like the ids Prisma makes), for rows inserted in bulk by SQL. */
export function uuid7(now = Date.now()): string {
  if (poolAt === POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const bytes = Buffer.from(POOL.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
