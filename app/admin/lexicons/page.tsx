import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LexiconEntryEditor } from '@/components/admin/lexicon-entry-editor';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { getLexiconWithEntries, listLexicons } from '@/lib/services/manage-lexicons';

export const dynamic = 'force-dynamic';

const searchSchema = z.object({ id: z.uuid().optional().catch(undefined) });

export default async function LexiconsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(ADMIN_ROLES);
  const { id } = searchSchema.parse(await searchParams);
  const lexicons = await listLexicons();
  const selected = id ?? lexicons[0]?.id;
  const detail = selected ? await getLexiconWithEntries({ id: selected, access }) : null;
  const t = await getTranslations('admin.lexicons');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">{t('hint')}</p>
      <div className="two-col">
        <section className="panel" aria-label={t('list')}>
          <ul className="tree">
            {lexicons.map((l) => (
              <li key={l.id}>
                <Link href={`/admin/lexicons?id=${l.id}`} aria-current={l.id === selected ? 'page' : undefined}>
                  {l.name}
                </Link>{' '}
                <span className="subtle">
                  {t(`categories.${l.category}`)} · {t('terms', { count: l.entries })} · v{l.version}
                </span>
              </li>
            ))}
          </ul>
        </section>
        {detail && <LexiconEntryEditor lexicon={detail.lexicon} entries={detail.entries} />}
      </div>
    </>
  );
}
