import { getTranslations } from 'next-intl/server';
import { ExportForm } from '@/components/exports/export-form';
import { EXPORT_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listExportAgencies } from '@/lib/services/list-export-agencies';

export const dynamic = 'force-dynamic';

/** The current quarter (Asia/Shanghai): a notice is usually drafted while the quarter's inspections close. */
function currentQuarter(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export default async function ExportsPage() {
  const access = await requirePageAccess(EXPORT_ROLES);
  const [agencies, t] = await Promise.all([listExportAgencies({ access }), getTranslations('exports')]);
  const now = new Date();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">{t('intro')}</p>
      {agencies.length === 0
        ? <p className="empty">{t('noAgencies')}</p>
        : <ExportForm agencies={agencies} defaultQuarter={currentQuarter(now)} defaultYear={String(new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear())} />}
    </>
  );
}
