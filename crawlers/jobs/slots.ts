import { createHash } from 'node:crypto';

export const CRAWL_SLOT_MS = 30 * 60 * 1000;

/** Start of the 30-minute slot an instant falls in; every tick inside one slot maps to the same key. */
export const slotStart = (at: Date, slotMs = CRAWL_SLOT_MS): Date =>
  new Date(Math.floor(at.getTime() / slotMs) * slotMs);

export const crawlSlotKey = (accountId: string, slot: Date): string =>
  `crawl:${accountId}:${slotStart(slot).toISOString()}`;

/** A UUID-shaped id derived from a key, so sending the same key twice hits pg-boss's primary key and is dropped. */
export function deterministicJobId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
