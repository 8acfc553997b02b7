import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byClass, select, textOf, tokenAfter } from '@/crawlers/platforms/xiaomi/page';
import { readDetailPage, toProfile, toRelease, type XiaomiPage } from '@/crawlers/platforms/xiaomi/parse';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/apps/${name}`, import.meta.url), 'utf8');
const DETAIL = fixture('xiaomi-detail.html');
const page = (html: string, status = 200): XiaomiPage => ({
  status,
  url: 'https://app.mi.com/details?id=cn.gov.jiangchuan.jctong&ref=search',
  html,
});
const read = (html: string) => readDetailPage(page(html), 'cn.gov.jiangchuan.jctong');
const failureOf = (html: string) => {
  try {
    read(html);
    return null;
  } catch (error) {
    const { kind, httpStatus, message } = error as { kind?: string; httpStatus?: number | null; message?: string };
    return { kind: kind ?? 'not a CrawlError', httpStatus, message };
  }
};

describe('小米应用商店 detail page (spec §3.4 selectors)', () => {
  it('reads name, publisher, rating count, version and update day of a listed app', () => {
    const detail = read(DETAIL);
    expect(toRelease(detail)).toEqual({
      store: 'XIAOMI',
      version: '3.1.9',
      releasedAt: new Date('2025-01-06T00:00:00+08:00'),
      rating: null,
      ratingCount: 96,
      sellerName: '江川市大数据发展管理局',
      sellerId: null,
      appName: '江川通',
      hasFeedbackChannel: null,
    });
    expect(toProfile(detail)).toMatchObject({ displayName: '江川通', description: null });
  });

  it('reads the tokens after the labels, not a label inside running text', () => {
    const container = textOf(select(DETAIL, byClass('main'), byClass('container')) ?? '');
    expect(container).toContain('新版本号码');
    expect(tokenAfter(container, '版本号')).toBe('3.1.9');
    expect(tokenAfter('版本号 2.0.0 更新时间 2024/7/5', '更新时间')).toBe('2024/7/5');
    expect(tokenAfter('版本号', '版本号')).toBeNull();
  });

  it('reads "(N次评分)" without 共 and dates written with slashes', () => {
    const html = DETAIL.replace('(共96次评分)', '(1203次评分)').replace('2025-01-06', '2025/1/6');
    expect(read(html)).toMatchObject({ ratingCount: 1203, updatedAt: new Date('2025-01-06T00:00:00+08:00') });
  });

  it('a page without the screenshot strip is not listed, whatever else it shows', () => {
    expect(failureOf(fixture('xiaomi-not-found.html'))).toMatchObject({ kind: 'NOT_FOUND', httpStatus: 200 });
    expect(failureOf(DETAIL.replace('bigimg-scroll-title special-font', 'special-font'))).toMatchObject({
      kind: 'NOT_FOUND',
    });
    expect(failureOf(DETAIL.replace('bigimg-scroll-title', 'bigimg-scroll-title-old'))).toMatchObject({
      kind: 'NOT_FOUND',
    });
  });

  it('a page cut short before the strip is a parse error, never "not listed"', () => {
    expect(failureOf(DETAIL.slice(0, DETAIL.indexOf('bigimg-scroll')))).toMatchObject({
      kind: 'PARSE',
      message: expect.stringContaining('</html>'),
    });
  });

  it('leaves publisher, rating count and update day null when they are missing or unreadable', () => {
    const html = DETAIL.replace('<p>江川市大数据发展管理局</p>', '')
      .replace(/<span class="app-intro-comment">[^<]*<\/span>/, '')
      .replace('<li>2025-01-06</li>', '<li>最近</li>');
    expect(toRelease(read(html))).toMatchObject({
      version: '3.1.9',
      appName: '江川通',
      sellerName: null,
      ratingCount: null,
      releasedAt: null,
      rating: null,
    });
    expect(read(DETAIL.replace('(共96次评分)', '(暂无评分)')).ratingCount).toBeNull();
  });

  it('a listed page without a name or a version is a parse error', () => {
    expect(failureOf(DETAIL.replace('<h3>江川通</h3>', ''))).toMatchObject({
      kind: 'PARSE',
      message: expect.stringContaining('name'),
    });
    expect(failureOf(DETAIL.replace('<h3>江川通</h3>', '<h3> </h3>'))).toMatchObject({ kind: 'PARSE' });
    expect(failureOf(DETAIL.replace('<li>3.1.9</li>', '<li></li>'))).toMatchObject({
      kind: 'PARSE',
      message: expect.stringContaining('version'),
    });
    expect(failureOf(DETAIL.replace(/<li class="weight-font">版本号：<\/li><li>3.1.9<\/li>/, ''))).toMatchObject({
      kind: 'PARSE',
      message: expect.stringContaining('version'),
    });
  });
});
