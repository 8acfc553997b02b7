import type { ProfileInput } from '@/lib/schemas/snapshot';
import type { ArticlePage } from './article';
import type { Biz } from './schemas';

// Account profile from what the list routes expose: the searchbiz entry (§2.2) and the script variables of an
// article page (§2.4). The aboutbiz page (§2.6: 认证主体, 授权第三方服务) needs the client key and is not read.

/** The image id in an mmbiz URL is stable across sizes (`/mmbiz_png/{id}/0?wx_fmt=png`). */
const avatarKey = (url: string) => /\/mmbiz_\w+\/([^/?]+)/.exec(url)?.[1] ?? url.replace(/^https?:\/\/[^/]+/, '');

/** `verify_status`: 0 seen on unverified, 2 on verified accounts [I]; other values are not interpreted. */
function verified(status: number | undefined): boolean | null {
  if (status === 0 || status === -1) return false;
  return status === 2 ? true : null;
}

export function toProfile(args: {
  biz: Biz | null;
  page: ArticlePage | null;
  commentsEnabled?: boolean | null;
}): ProfileInput | null {
  const { biz, page } = args;
  const displayName = biz?.nickname || page?.accountName;
  if (!displayName) return null;
  const avatarUrl = biz?.round_head_img || page?.avatarUrl || null;
  return {
    displayName,
    avatarUrl,
    avatarHash: avatarUrl ? avatarKey(avatarUrl) : null,
    description: biz?.signature ?? page?.signature ?? null,
    isVerified: biz ? verified(biz.verify_status) : null,
    verifiedReason: null,
    verifiedType: null,
    followersCount: null,
    followingCount: null,
    postsCount: null,
    isInteractionEnabled: args.commentsEnabled ?? null,
    ipLocation: page?.ipProvince ?? null,
  };
}
