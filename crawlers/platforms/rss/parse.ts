import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { PostInput } from '@/lib/schemas/snapshot';
import { CrawlError } from '../../errors';
import { extractHrefs, htmlToText } from '../../text/html-text';

// RSS 2.0, Atom and JSON Feed items mapped per docs/platform-formats.md §4.3.

/** `nativeId`: the non-standard RSS `<id>` element (we-mp-rss puts the article's `aid` there, §4.2). */
export type FeedItem = {
  id: string;
  nativeId?: string;
  url: string | null;
  title: string | null;
  html: string;
  publishedAt: Date;
};

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
});

const textNode = z.union([
  z.string(),
  z.number().transform(String),
  z
    .looseObject({ '#text': z.union([z.string(), z.number()]).optional() })
    .transform((n) => (n['#text'] === undefined ? '' : String(n['#text']))),
]);
const many = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((v) => [v])]).optional();

const rssItemSchema = z.looseObject({
  guid: textNode.optional(),
  id: textNode.optional(),
  link: textNode.optional(),
  title: textNode.optional(),
  description: textNode.optional(),
  'content:encoded': textNode.optional(),
  pubDate: textNode.optional(),
  'dc:date': textNode.optional(),
});
const atomLink = z.looseObject({ '@_href': z.string(), '@_rel': z.string().optional() });
const atomEntrySchema = z.looseObject({
  id: textNode.optional(),
  title: textNode.optional(),
  content: textNode.optional(),
  summary: textNode.optional(),
  published: textNode.optional(),
  updated: textNode.optional(),
  link: many(atomLink),
});
const xmlFeedSchema = z.looseObject({
  rss: z.looseObject({ channel: z.looseObject({ item: many(rssItemSchema) }) }).optional(),
  feed: z.looseObject({ entry: many(atomEntrySchema) }).optional(),
});
const jsonFeedSchema = z.looseObject({
  version: z.string().startsWith('https://jsonfeed.org/version/'),
  items: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]).transform(String),
      url: z.string().optional(),
      title: z.string().optional(),
      content_html: z.string().optional(),
      content_text: z.string().optional(),
      date_published: z.string().optional(),
      date_modified: z.string().optional(),
    }),
  ),
});

function date(raw: string | undefined, what: string): Date {
  const at = raw ? new Date(raw.trim()) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new CrawlError('PARSE', `Feed item ${what} has no readable date`, { retryable: false });
  return at;
}

export function parseFeed(body: string): FeedItem[] {
  if (body.trimStart().startsWith('{')) return parseJsonFeed(body);
  let tree: unknown;
  try {
    tree = xml.parse(body, true);
  } catch (error) {
    throw new CrawlError('PARSE', `Malformed feed XML: ${error instanceof Error ? error.message.slice(0, 120) : ''}`, {
      retryable: false,
    });
  }
  const feed = xmlFeedSchema.safeParse(tree);
  if (!feed.success || (!feed.data.rss && !feed.data.feed))
    throw new CrawlError('PARSE', 'Not an RSS 2.0 or Atom document', { retryable: false });
  if (feed.data.rss) {
    return (feed.data.rss.channel.item ?? []).map((item) => {
      const id = item.guid || item.id || item.link || '';
      return {
        id,
        ...(item.id ? { nativeId: item.id } : {}),
        url: item.link || null,
        title: item.title || null,
        html: item['content:encoded'] || item.description || '',
        publishedAt: date(item.pubDate || item['dc:date'], id),
      };
    });
  }
  return (feed.data.feed?.entry ?? []).map((entry) => {
    const link = entry.link?.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate')?.['@_href'] ?? null;
    const id = entry.id || link || '';
    return {
      id,
      url: link,
      title: entry.title || null,
      html: entry.content || entry.summary || '',
      publishedAt: date(entry.published || entry.updated, id),
    };
  });
}

function parseJsonFeed(body: string): FeedItem[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CrawlError('PARSE', 'Malformed JSON Feed', { retryable: false });
  }
  const feed = jsonFeedSchema.safeParse(json);
  if (!feed.success)
    throw new CrawlError('PARSE', `Unexpected JSON Feed shape: ${z.prettifyError(feed.error).slice(0, 200)}`, {
      retryable: false,
    });
  return feed.data.items.map((item) => ({
    id: item.id,
    url: item.url ?? null,
    title: item.title ?? null,
    html: item.content_html ?? item.content_text ?? '',
    publishedAt: date(item.date_published ?? item.date_modified, item.id),
  }));
}

export function toFeedPost(item: FeedItem): PostInput {
  return {
    platformPostId: item.id,
    url: item.url,
    title: item.title,
    text: htmlToText(item.html),
    publishedAt: item.publishedAt,
    isPinned: false,
    isRepost: false,
    links: extractHrefs(item.html, item.url ?? undefined),
    comments: [],
  };
}
