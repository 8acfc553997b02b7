import type { Prisma, PrismaClient } from './generated/client';

/** A client or an open transaction; every lib/data function takes one as its first argument. */
export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };
