import { CrawlError } from '../../errors';
import { mblogSchema, type WeiboMblog } from './schemas';

/** Post embedded in a `/detail/{mid}` page as `var $render_data = [{"status": …}][0]` (docs/platform-formats.md §1.4). */
export function parseRenderData(html: string): WeiboMblog {
  if (/微博不存在或暂无查看权限|<title>微博-出错了<\/title>/.test(html)) {
    throw new CrawlError('DELETED', 'Weibo detail page: 微博不存在或暂无查看权限', { retryable: false });
  }
  const match = /var \$render_data = (\[[\s\S]*?\])\[0\]/.exec(html);
  if (!match) throw new CrawlError('PARSE', 'Weibo detail page without $render_data', { retryable: false });
  let data: unknown;
  try {
    data = JSON.parse(match[1]);
  } catch {
    throw new CrawlError('PARSE', 'Weibo $render_data is not valid JSON', { retryable: false });
  }
  const first: unknown = Array.isArray(data) ? data[0] : null;
  const status = first && typeof first === 'object' && 'status' in first ? first.status : null;
  const parsed = mblogSchema.safeParse(status);
  if (!parsed.success)
    throw new CrawlError('PARSE', 'Weibo $render_data.status has an unexpected shape', { retryable: false });
  return parsed.data;
}
