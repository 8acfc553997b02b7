import type { SandboxRouteModule } from '../route-types';
import { huaweiLegacyRoutes, huaweiRoutes } from './huawei';
import { itunesRoutes } from './itunes';
import { linkRoutes } from './links';
import { rssRoutes, weMpRssRoutes } from './rss';
import { wechatMpRoutes } from './wechat';
import { wechatApiRoutes } from './wechat-api';
import { weiboRoutes } from './weibo';
import { xiaomiRoutes } from './xiaomi';
import { yingyongbaoRoutes } from './yingyongbao';

/** Every fake upstream host; add one module per platform file. */
export const ROUTE_MODULES: readonly SandboxRouteModule[] = [
  weiboRoutes,
  rssRoutes,
  weMpRssRoutes,
  wechatMpRoutes,
  wechatApiRoutes,
  itunesRoutes,
  huaweiRoutes,
  huaweiLegacyRoutes,
  yingyongbaoRoutes,
  xiaomiRoutes,
  linkRoutes,
];
