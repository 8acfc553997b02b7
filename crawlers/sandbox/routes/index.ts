import type { SandboxRouteModule } from '../route-types';
import { rssRoutes, weMpRssRoutes } from './rss';
import { weiboRoutes } from './weibo';

/** Every fake upstream host; add one module per platform file. */
export const ROUTE_MODULES: readonly SandboxRouteModule[] = [weiboRoutes, rssRoutes, weMpRssRoutes];
