import type { Db } from '@/lib/db/types';
import type { ProfileInput } from '@/lib/schemas/snapshot';

export async function createSnapshot(
  db: Db,
  accountId: string,
  crawlRunId: string,
  takenAt: Date,
  profile: ProfileInput,
): Promise<string> {
  const row = await db.snapshot.create({
    data: {
      accountId,
      crawlRunId,
      takenAt,
      displayName: profile.displayName,
      avatarUrl: profile.avatarUrl ?? null,
      avatarHash: profile.avatarHash ?? null,
      description: profile.description ?? null,
      isVerified: profile.isVerified ?? null,
      verifiedReason: profile.verifiedReason ?? null,
      verifiedType: profile.verifiedType ?? null,
      followersCount: profile.followersCount ?? null,
      followingCount: profile.followingCount ?? null,
      postsCount: profile.postsCount ?? null,
      isInteractionEnabled: profile.isInteractionEnabled ?? null,
      hasFeedbackChannel: profile.hasFeedbackChannel ?? null,
      ipLocation: profile.ipLocation ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** Replaces the profile snapshot of a run (reparse, a repeated slot), keeping its id so findings that cite it still do. */
export async function replaceRunSnapshot(
  db: Db,
  accountId: string,
  crawlRunId: string,
  takenAt: Date,
  profile: ProfileInput,
): Promise<string> {
  const existing = await db.snapshot.findFirst({
    where: { accountId, crawlRunId }, // accountId: served by the (account_id, taken_at) index
    select: { id: true },
    orderBy: { takenAt: 'asc' },
  });
  if (!existing) return createSnapshot(db, accountId, crawlRunId, takenAt, profile);
  await db.snapshot.update({
    where: { id: existing.id },
    data: {
      displayName: profile.displayName,
      avatarUrl: profile.avatarUrl ?? null,
      avatarHash: profile.avatarHash ?? null,
      description: profile.description ?? null,
      isVerified: profile.isVerified ?? null,
      verifiedReason: profile.verifiedReason ?? null,
      verifiedType: profile.verifiedType ?? null,
      followersCount: profile.followersCount ?? null,
      followingCount: profile.followingCount ?? null,
      postsCount: profile.postsCount ?? null,
      isInteractionEnabled: profile.isInteractionEnabled ?? null,
      hasFeedbackChannel: profile.hasFeedbackChannel ?? null,
      ipLocation: profile.ipLocation ?? null,
    },
  });
  return existing.id;
}
