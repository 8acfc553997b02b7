import { z } from 'zod';
import { declareDetector, indicatorSection, points } from '../declaration';
import { nameSimilarity } from '@/lib/text/similarity';
import { insufficiency } from '../coverage';
import { finding } from '../finding';
import { DAY_MS, HOUR_MS } from '@/lib/time';
import type { AccountHistory, DetectorResult, Finding, Insufficiency, ScoringContext } from '../types';

/** Releases observed this close to the latest observation came from the same crawl. */
const SAME_CRAWL_MS = HOUR_MS;

/** D7 移动客户端: release age, poor rating with enough ratings, look-alike apps from other sellers (山寨), delisting. */
export function detectAppHealth(h: AccountHistory, ctx: ScoringContext): DetectorResult {
  const findings: Finding[] = [];
  const { D7 } = ctx.edition;
  if (!h.account.isApp) return { findings, insufficient: [], notApplicable: ['D7'] };
  if (!D7.enabled) return { findings, insufficient: [], notApplicable: [] };
  const listing = listingState(h, ctx);
  if (listing.finding) findings.push(listing.finding);
  const insufficient = listing.insufficient ? [listing.insufficient] : [];
  const known = h.appReleases.filter((r) => r.observedAt <= ctx.monitoringAt);
  if (known.length === 0)
    return {
      findings,
      insufficient: findings.length || insufficient.length ? insufficient : [insufficiency('D7', 'LISTING_NOT_READ')],
      notApplicable: [],
    };
  const latestRelease = [...known]
    .filter((r) => r.releasedAt)
    .sort((a, b) => (b.releasedAt?.getTime() ?? 0) - (a.releasedAt?.getTime() ?? 0))[0];
  const latestObserved = [...known].sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime())[0];
  if (
    latestRelease?.releasedAt &&
    ctx.monitoringAt.getTime() - latestRelease.releasedAt.getTime() > D7.staleMonths * 30.4375 * DAY_MS
  ) {
    findings.push(
      finding(
        { indicatorCode: 'D7', ruleId: 'D7.NO_RECENT_RELEASE', status: 'CONFIRMED', points: D7.stalePoints },
        {
          sourceType: 'APP_RELEASE',
          sourceId: latestRelease.id,
          publishedAt: latestRelease.releasedAt,
          details: { version: latestRelease.version },
        },
      ),
    );
  }
  // An Android app is read from several stores in one crawl: judge the worst rating among those seen in that crawl.
  const lastCrawl = latestObserved ? latestObserved.observedAt.getTime() - SAME_CRAWL_MS : Infinity;
  const worst = known
    .filter(
      (r) => r.observedAt.getTime() >= lastCrawl && r.rating !== null && (r.ratingCount ?? 0) >= D7.minRatingCount,
    )
    .sort((a, b) => (a.rating ?? 0) - (b.rating ?? 0))[0];
  if (worst && worst.rating !== null && worst.rating < D7.minRating) {
    findings.push(
      finding(
        { indicatorCode: 'D7', ruleId: 'D7.LOW_RATING', status: 'CONFIRMED', points: D7.ratingPoints },
        {
          sourceType: 'APP_RELEASE',
          sourceId: worst.id,
          details: { rating: worst.rating, ratingCount: worst.ratingCount },
        },
      ),
    );
  }
  const ownSellers = new Set(known.flatMap((r) => [r.sellerId, r.sellerName]).filter((s): s is string => !!s));
  const ownName = latestObserved?.appName ?? h.account.displayName;
  for (const l of h.storeListings) {
    const isOtherSeller =
      !(l.sellerId && ownSellers.has(l.sellerId)) && !(l.sellerName && ownSellers.has(l.sellerName));
    const similarity = nameSimilarity(ownName, l.appName);
    if (isOtherSeller && similarity >= D7.lookalikeSimilarity) {
      findings.push(
        finding(
          { indicatorCode: 'D7', ruleId: 'D7.LOOKALIKE_APP', status: 'CONFIRMED', points: D7.lookalikePoints },
          {
            sourceType: 'STORE_LISTING',
            sourceId: l.id,
            url: l.url,
            matchedText: l.appName,
            details: { seller: l.sellerName, similarity: Math.round(similarity * 100) / 100 },
          },
        ),
      );
    }
  }
  return { findings, insufficient, notApplicable: [] };
}

/**
 * 下架/无法访问 (docs/indicators.md Part 2 D7): the store answering "not listed" since the last lookup that found the app. Confirmed
 * (a finding) once two such answers are at least the edition's hours apart; before that the listing is unknown
 * (LISTING_NOT_FOUND_ONCE), never clean. A lookup that failed otherwise (throttled, blocked) is no answer.
 */
function listingState(h: AccountHistory, ctx: ScoringContext): { finding?: Finding; insufficient?: Insufficiency } {
  const { D7 } = ctx.edition;
  const lookups = h.listingLookups
    .filter((l) => l.at <= ctx.monitoringAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastFound = lookups.findLastIndex((l) => l.found);
  const notFound = lookups.slice(lastFound + 1);
  const first = notFound[0];
  const latest = notFound.at(-1);
  if (!first || !latest) return {};
  const hoursApart = (latest.at.getTime() - first.at.getTime()) / HOUR_MS;
  const details = {
    firstNotFoundAt: first.at.toISOString(),
    lastNotFoundAt: latest.at.toISOString(),
    lookups: notFound.length,
    confirmHours: D7.delistedConfirmHours,
  };
  if (hoursApart < D7.delistedConfirmHours)
    return { insufficient: insufficiency('D7', 'LISTING_NOT_FOUND_ONCE', details) };
  return {
    finding: finding(
      { indicatorCode: 'D7', ruleId: 'D7.DELISTED', status: 'CONFIRMED', points: D7.delistedPoints },
      {
        sourceType: 'ACCOUNT',
        publishedAt: first.at,
        details: { key: first.at.toISOString(), ...details },
      },
    ),
  };
}

/** D7. */
export const appHealth = declareDetector({
  fields: {
    D7: indicatorSection({
      staleMonths: z.number().int().min(1),
      stalePoints: points,
      minRating: z.number().min(0).max(5),
      minRatingCount: z.number().int(),
      ratingPoints: points,
      lookalikeSimilarity: z.number().min(0).max(1),
      lookalikePoints: points,
      // 下架/无法访问: "not listed" on two lookups at least this many hours apart (since schema version 2).
      delistedConfirmHours: z
        .number()
        .min(1)
        .max(24 * 90),
      delistedPoints: points,
    }),
  },
  vetoFields: {},
  baseline: {
    D7: {
      max: 15,
      staleMonths: 12,
      stalePoints: 5,
      minRating: 3.0,
      minRatingCount: 50,
      ratingPoints: 5,
      lookalikeSimilarity: 0.8,
      lookalikePoints: 5,
      delistedConfirmHours: 24,
      delistedPoints: 5,
    },
  },
  vetoBaseline: {},
  since: 1,
  // 2: D7 gained 下架/无法访问 (docs/indicators.md D7): not listed on two lookups this many hours apart, its points.
  added: { 2: { fields: { D7: { delistedConfirmHours: 24, delistedPoints: 5 } } } },
  detect: detectAppHealth,
});
