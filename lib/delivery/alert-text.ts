import { platformName as localizedPlatformName } from '@/lib/platforms';
import type { AlertDetails, AlertKind } from '@/lib/schemas/alert';
import { shanghaiDay, shanghaiWallClock } from '@/lib/time';

// Pure: the words of one alert as a supervising office writes them — what happened, to which account of which
// agency, since when, what to do. Chinese only: the messages go to Chinese government work groups.

export type AlertForMessage = {
  id: string;
  kind: AlertKind;
  accountId: string;
  accountName: string;
  platformCode: string;
  agencyName: string;
  createdAt: Date;
  /** null when the stored details do not match the kind (then the facts are not restated). */
  details: AlertDetails | null;
};

export const KIND_NAMES: Record<AlertKind, string> = {
  NEARING_STALE: '临近超期未更新',
  STALE: '超期未更新',
  CRAWL_FAILING: '采集连续失败',
  VETO_SUSPECTED: '疑似单项否决',
  RECTIFICATION_OVERDUE: '整改逾期',
  PARSER_DRIFT: '接口解析异常',
};

// The product's Chinese platform names (one list: lib/platforms.ts), so a new platform is named here too.
export const platformName = (code: string) => localizedPlatformName(code, 'zh-CN');

/** "2026-12-04 08:07" in Beijing time. */
export const beijingMinute = (instant: Date) => shanghaiWallClock(instant).toISOString().slice(0, 16).replace('T', ' ');

const ACTIONS: Record<AlertKind, string> = {
  NEARING_STALE: '请督促主办单位在期限前发布内容，避免因超期未更新被单项否决。',
  STALE: '请立即督促主办单位更新；确已停止运营的，按规定办理关停或注销并在系统中登记。',
  CRAWL_FAILING: '请核实账号地址是否变更、账号是否被封禁或迁移，必要时在系统中更新账号信息。',
  VETO_SUSPECTED: '请尽快在系统中复核疑似否决问题，确认或排除。',
  RECTIFICATION_OVERDUE: '请督促主办单位完成整改，并在系统中登记整改结果。',
  PARSER_DRIFT: '请通知运维人员检查该平台采集程序；在修复前相关数据可能不完整。',
};

export type AlertFacts = { what: string; since: string; action: string; path: string };

/** The facts of one alert; `path` is the dashboard page to open (relative to the base URL). */
export function alertFacts(alert: AlertForMessage): AlertFacts {
  const d = alert.details;
  const raised = beijingMinute(alert.createdAt);
  const action = ACTIONS[alert.kind];
  const accountPath = `/accounts/${alert.accountId}`;
  if (!d) return { what: KIND_NAMES[alert.kind], since: raised, action, path: `/alerts?kind=${alert.kind}` };
  switch (d.kind) {
    case 'NEARING_STALE':
      return {
        what: `已 ${d.daysSince} 天未发布内容，再过 ${Math.max(d.limitDays - d.daysSince, 0)} 天将达到 ${d.limitDays} 天未更新的否决线`,
        since: `${shanghaiDay(new Date(d.lastPostAt))}（最后一次发布）`,
        action,
        path: accountPath,
      };
    case 'STALE':
      return {
        what: `已 ${d.daysSince} 天未发布内容，超过 ${d.limitDays} 天未更新的否决线`,
        since: `${shanghaiDay(new Date(d.lastPostAt))}（最后一次发布）`,
        action,
        path: accountPath,
      };
    case 'CRAWL_FAILING': {
      const days = [...d.days].sort();
      return {
        what: `连续 ${days.length} 天采集失败${d.errorKinds.length ? `（${d.errorKinds.join('、')}）` : ''}`,
        since: days[0] ?? raised,
        action,
        path: accountPath,
      };
    }
    case 'VETO_SUSPECTED':
      return {
        what: `在「${d.inspectionName}」中有待复核的疑似单项否决问题（${d.codes.join('、')}）`,
        since: raised,
        action,
        path: `/findings?inspectionId=${d.inspectionId}`,
      };
    case 'RECTIFICATION_OVERDUE': {
      const deadlines = d.rectifications.map((r) => r.deadline).sort();
      return {
        what: `${d.rectifications.length} 项整改已超过期限`,
        since: `${deadlines[0]}（整改期限）`,
        action,
        path: '/rectifications',
      };
    }
    case 'PARSER_DRIFT':
      return {
        what: `${platformName(d.platform)}接口 ${d.endpoint} 近 ${d.windowHours} 小时丢弃 ${d.droppedItems} 条、解析失败 ${d.parseFailures} 次`,
        since: beijingMinute(new Date(alert.createdAt.getTime() - d.windowHours * 3_600_000)),
        action,
        path: '/admin/health',
      };
  }
}
