import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AgencyEditForms } from '@/components/admin/agency-edit-forms';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getAgencyEditor } from '@/lib/services/edit-agency';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export default async function AdminAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await requirePageAccess(ADMIN_ROLES);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { agency, targets } = await getAgencyEditor({ access, agencyId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations();
  const parent = targets.find((x) => x.id === agency.parentId);
  return (
    <>
      <p className="subtle">
        <Link href="/admin/agencies">{t('admin.agencies.title')}</Link> · {t(`agency.levels.${agency.level}`)}
      </p>
      <h1>{agency.name}</h1>
      <p className="subtle">
        {t('admin.agencyEdit.parent')}: {parent?.name ?? '—'} · {t('admin.agencyEdit.explain')}
      </p>
      <AgencyEditForms agency={{ id: agency.id, name: agency.name, parentId: agency.parentId }} targets={targets} />
    </>
  );
}
