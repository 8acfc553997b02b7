import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { EditionEditor } from '@/components/admin/edition-editor';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { editionFields } from '@/lib/scoring';
import { getEdition } from '@/lib/services/list-editions';

export const dynamic = 'force-dynamic';

export default async function EditionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageAccess(ADMIN_ROLES);
  const id = z.uuid().safeParse((await params).id);
  const edition = id.success ? await getEdition({ id: id.data }) : null;
  if (!edition) notFound();
  const t = await getTranslations('admin.editions');
  // What the edition changes against the one it was derived from, shown beside each changed field.
  const base = edition.basedOnId ? await getEdition({ id: edition.basedOnId }) : null;
  const baseValues = base ? Object.fromEntries(editionFields(base.catalogue).map((f) => [f.path, f.value])) : null;
  return (
    <>
      <p className="subtle">
        <Link href="/admin/editions">{t('title')}</Link> · {edition.code}
      </p>
      <h1>{edition.name}</h1>
      {edition.status !== 'DRAFT' && <p className="hint">{t('readOnly')}</p>}
      {edition.status === 'DRAFT' && (await searchParams).created === '1' && edition.basedOnCode && (
        <p role="status">{t('versionCreated', { code: edition.code, base: edition.basedOnCode })}</p>
      )}
      <EditionEditor
        key={edition.id}
        id={edition.id}
        name={edition.name}
        isDraft={edition.status === 'DRAFT'}
        fields={editionFields(edition.catalogue)}
        bonusItems={edition.catalogue.bonus.items}
        base={base && baseValues ? { code: base.code, values: baseValues } : null}
      />
    </>
  );
}
