import { CrawlError } from '../../errors';

// Error codes and status pages of WeChat (docs/platform-formats.md §2.2, §2.3, §2.4) mapped to typed errors.

/** MP backend `base_resp.ret` (§2.2): 200003 invalid session, 200013 frequency control, else err_msg. */
export function mpError(ret: number, errMsg: string | null | undefined): CrawlError {
  const detail = `ret ${ret}${errMsg ? ` ${errMsg}` : ''}`;
  if (ret === 200003)
    return new CrawlError(
      'LOGIN_WALL',
      `WeChat MP backend session is invalid (${detail}); log in again and renew cookie and token`,
      { retryable: false },
    );
  if (ret === 200013)
    return new CrawlError('RATE_LIMITED', `WeChat MP backend frequency control (${detail}); retry much later`, {
      retryable: true,
      retryAfterMs: 3_600_000,
    });
  return new CrawlError('HTTP', `WeChat MP backend error (${detail})`, { retryable: false });
}

/** access_token codes: refreshing the token once may cure them. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** Official API `errcode` (§2.3); `phase` says whether the token endpoint or a data call answered. */
export function officialError(errcode: number, errmsg: string | undefined, phase: 'token' | 'data'): CrawlError {
  const detail = `errcode ${errcode}${errmsg ? ` ${errmsg}` : ''}`;
  if (errcode === 45009)
    return new CrawlError('RATE_LIMITED', `WeChat API daily quota reached (${detail})`, { retryable: false });
  if (errcode === 45011)
    return new CrawlError('RATE_LIMITED', `WeChat API minute quota reached (${detail})`, {
      retryable: true,
      retryAfterMs: 60_000,
    });
  if (errcode === -1) return new CrawlError('HTTP', `WeChat API system busy (${detail})`, { retryable: true });
  if (errcode === 40164)
    return new CrawlError('AUTH', `This server's IP is not on the account's WeChat API whitelist (${detail})`, {
      retryable: false,
    });
  if (errcode === 48001)
    return new CrawlError('AUTH', `The account is not authorised for this WeChat API (${detail})`, {
      retryable: false,
    });
  if (phase === 'token' || [40013, 40125, 41004].includes(errcode)) {
    return new CrawlError('AUTH', `WeChat rejected the AppID/AppSecret (${detail})`, { retryable: false });
  }
  if (TOKEN_REJECTED_CODES.has(errcode))
    return new CrawlError('AUTH', `WeChat rejected a freshly issued access_token (${detail})`, { retryable: false });
  return new CrawlError('HTTP', `WeChat API error (${detail})`, { retryable: false });
}

/**
 * States an article URL can answer with instead of the article (§2.4 status pages).
 * Per-article states are signals about that article; account and access states fail the crawl.
 */
export type ArticlePageState =
  | 'DELETED' // 该内容已被发布者删除 / The content has been deleted by the author.
  | 'VIOLATION' // 此内容因违规无法查看 / 涉嫌侵权 / 不实信息
  | 'UNAVAILABLE' // 该内容暂时无法查看 / 此内容发送失败无法查看
  | 'EXPIRED' // 链接已过期 (temporary link)
  | 'INVALID' // 参数错误
  | 'ACCOUNT_BLOCKED'
  | 'ACCOUNT_CLOSED'
  | 'ACCOUNT_MIGRATED'
  | 'CAPTCHA'
  | 'RATE_LIMITED';

// Checked in order: account states before article states, since an account page may also say "无法查看".
const STATE_MARKERS: [ArticlePageState, RegExp][] = [
  ['CAPTCHA', /环境异常|完成验证后即可继续访问|appmsgcaptcha/],
  ['RATE_LIMITED', /访问过于频繁/],
  ['ACCOUNT_BLOCKED', /此帐号已被屏蔽/],
  ['ACCOUNT_CLOSED', /此帐号已自主注销/],
  ['ACCOUNT_MIGRATED', /帐号迁移流程中|该公众号已迁移|transfer_target_link/],
  // The English page (window.LANG "en") says it in English (captured 2025).
  ['DELETED', /该内容已被发布者删除|The content has been deleted by the author/],
  ['VIOLATION', /此内容因违规无法查看|涉嫌侵权，无法查看|page_rumor/],
  ['UNAVAILABLE', /该内容暂时无法查看|此内容发送失败无法查看/],
  ['EXPIRED', /链接已过期/],
  ['INVALID', /参数错误|appmsg\/error\.html/],
];

/** The status a page without `#js_content` stands for; null when it is not a known status page. */
export function articlePageState(html: string): ArticlePageState | null {
  return STATE_MARKERS.find(([, marker]) => marker.test(html))?.[0] ?? null;
}

/** Article states that mean "this article is gone from public view" — deletion signals, not crawl failures. */
export const GONE_STATES: ReadonlySet<ArticlePageState> = new Set(['DELETED', 'VIOLATION']);

/** States that say something about the account or our access: they stop the crawl or further page fetches. */
export function stateError(state: ArticlePageState, url: string): CrawlError | null {
  switch (state) {
    case 'CAPTCHA':
      return new CrawlError('BLOCKED', `WeChat answered an article with a captcha (环境异常): ${url}`, {
        retryable: false,
      });
    case 'RATE_LIMITED':
      return new CrawlError('RATE_LIMITED', `WeChat says 访问过于频繁 for ${url}`, { retryable: true });
    case 'ACCOUNT_BLOCKED':
      return new CrawlError('BLOCKED', 'WeChat account is blocked (此帐号已被屏蔽)', { retryable: false });
    case 'ACCOUNT_CLOSED':
      return new CrawlError('DELETED', 'WeChat account was closed by its owner (此帐号已自主注销)', {
        retryable: false,
      });
    case 'ACCOUNT_MIGRATED':
      return new CrawlError('NOT_FOUND', 'WeChat account migrated to another account (该公众号已迁移)', {
        retryable: false,
      });
    default:
      return null;
  }
}

/** An MP-backend redirect to the login page means the operator session is gone. */
export function loginRedirect(location: URL): CrawlError | null {
  // The MP home page (`/`) is the QR login page; the login cgi paths are what an expired session lands on.
  return location.pathname === '/' || /\/cgi-bin\/(loginpage|bizlogin)/.test(location.pathname)
    ? new CrawlError(
        'LOGIN_WALL',
        'WeChat MP backend redirected to the login page; log in again and renew cookie and token',
        { retryable: false },
      )
    : null;
}

/** Article pages redirect to a captcha (`…appmsgcaptcha?poc_token=…`) when the WAF steps in. */
export function captchaRedirect(location: URL): CrawlError | null {
  return /captcha/i.test(location.pathname)
    ? new CrawlError('BLOCKED', 'WeChat redirected an article to its captcha (环境异常)', { retryable: false })
    : null;
}
