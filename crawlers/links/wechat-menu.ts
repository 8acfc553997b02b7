import { z } from 'zod';
import { isCrawlError } from '../errors';
import { parseWechatConfig, planRoute } from '../platforms/wechat/config';
import { createOfficialClient, createTokenCache, type TokenCache } from '../platforms/wechat/official';
import type { CrawlContext } from '../types';

// The custom menu of a WeChat official account (自定义菜单), read with the account's own AppID/AppSecret through
// GET /cgi-bin/get_current_selfmenu_info: it answers for menus set in the MP backend and through the API alike.
// Only the official-API route can read it; for any other route the menu is unknown (null), never "no menu".

const leafSchema = z.looseObject({
  type: z.string().optional(),
  url: z.string().optional(),
  news_info: z
    .looseObject({
      list: z
        .array(z.looseObject({ content_url: z.string().optional(), source_url: z.string().optional() }))
        .default([]),
    })
    .optional(),
});
const buttonSchema = leafSchema.extend({
  sub_button: z.looseObject({ list: z.array(leafSchema).default([]) }).optional(),
});
export const selfmenuSchema = z.looseObject({
  is_menu_open: z.coerce.number().int(),
  selfmenu_info: z.looseObject({ button: z.array(buttonSchema).default([]) }).optional(),
});
export type Selfmenu = z.output<typeof selfmenuSchema>;

/**
 * The web links a follower can open from the menu: `view` buttons and the articles (and their 阅读原文 source links)
 * of `news` buttons. Mini-program buttons are skipped: their `url` is only a fallback for clients without mini programs.
 */
export function menuLinks(menu: Selfmenu): string[] {
  if (menu.is_menu_open !== 1) return [];
  const leaves = (menu.selfmenu_info?.button ?? []).flatMap((b) => (b.sub_button ? b.sub_button.list : [b]));
  const links = leaves.flatMap((b) => {
    if (b.type === 'view' && b.url) return [b.url];
    if (b.type === 'news')
      return (b.news_info?.list ?? []).flatMap((n) => [n.content_url, n.source_url]).filter((u): u is string => !!u);
    return [];
  });
  return [...new Set(links.map((u) => u.trim()).filter(Boolean))];
}

export type MenuAccount = {
  accountId: string;
  platformCode: string;
  handle: string;
  crawlConfig: unknown;
  credentialId: string | null;
};

/**
 * Reads an account's menu links; null when the menu cannot be read (not WeChat, no AppID/AppSecret credential,
 * the API refused: e.g. 48001 for an account without the menu permission). A menu switched off is [] (no links).
 */
export function createMenuReader({
  context,
  resolveCredential,
  tokens = createTokenCache(),
  log,
}: {
  context: (now: Date) => CrawlContext;
  resolveCredential?: (credentialId: string) => Promise<unknown>;
  tokens?: TokenCache;
  log?: (line: Record<string, unknown>) => void;
}): (account: MenuAccount, now: Date) => Promise<string[] | null> {
  return async (account, now) => {
    if (account.platformCode !== 'WECHAT' || !account.credentialId || !resolveCredential) return null;
    try {
      const credential = await resolveCredential(account.credentialId);
      const config = parseWechatConfig(account.crawlConfig);
      const plan = planRoute(
        {
          accountId: account.accountId,
          platform: 'WECHAT',
          handle: account.handle,
          displayName: '',
          crawlConfig: account.crawlConfig,
          since: now,
          credential,
        },
        config,
      );
      if (plan.route !== 'official') return null;
      const ctx = context(now);
      const menu = await createOfficialClient(ctx, plan.credential, tokens).get(
        '/cgi-bin/get_current_selfmenu_info',
        selfmenuSchema,
      );
      return menuLinks(menu);
    } catch (error) {
      log?.({
        job: 'check-links',
        accountId: account.accountId,
        kind: 'MENU_NOT_READ',
        error: isCrawlError(error) ? error.kind : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  };
}
