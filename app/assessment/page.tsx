import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssessmentFilter } from '@/components/assessment/assessment-filter';
import { AssessmentItems } from '@/components/assessment/assessment-items';
import { AssessmentSummary } from '@/components/assessment/assessment-summary';
import { MarkNoticeForm } from '@/components/assessment/mark-notice-form';
import { UnitRanking } from '@/components/assessment/unit-ranking';
import { EXPORT_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { assessmentPageQuerySchema } from '@/lib/schemas/annual-assessment';
import { computeAnnualAssessment } from '@/lib/services/compute-annual-assessment';
import { listAssessmentUnits } from '@/lib/services/list-assessment-units';
import { listMarkableNoticeInspections } from '@/lib/services/mark-notice-issued';
import { beijingToday } from '@/lib/time';
import { markNoticeIssuedAction } from '@/lib/actions/mark-notice-issued';

export const dynamic = 'force-dynamic';

// No loading.tsx here: a loading boundary would stream notFound() (a unit outside the scope) with status 200.
export default async function AssessmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(EXPORT_ROLES);
  const query = assessmentPageQuerySchema.parse(await searchParams);
  const now = new Date();
  const today = beijingToday(now);
  const thisYear = Number(today.slice(0, 4));
  const [units, t, locale] = await Promise.all([
    listAssessmentUnits({ access }),
    getTranslations('assessment'),
    getLocale(),
  ]);
  const unitId = query.unit ?? units[0]?.id;
  if (!unitId) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="empty">{t('noUnits')}</p>
      </>
    );
  }
  const year = query.year ?? thisYear;
  const view = await computeAnnualAssessment({ access, unitId, year, now }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const a2 = view.assessment.items.find((i) => i.code === 'A2');
  const pending = (a2?.facts ?? []).filter(
    (f) => (f.kind === 'NO_NOTICE' || f.kind === 'NOTICE_NOT_DUE') && f.inspectionId,
  );
  const markable = new Set(
    await listMarkableNoticeInspections({
      access,
      inspectionIds: pending.flatMap((f) => (f.inspectionId ? [f.inspectionId] : [])),
    }),
  );
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  const pickerUnits = units.some((u) => u.id === view.unit.id)
    ? units
    : [...units, { ...view.unit, ancestorIds: [], isSupervisingUnit: false }];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">{t('intro')}</p>
      <AssessmentFilter units={pickerUnits} unitId={view.unit.id} year={year} years={years} />
      <AssessmentSummary view={view} locale={locale} />
      <AssessmentItems
        items={view.assessment.items}
        vetoed={view.assessment.vetoed}
        renderFactAction={(f, item) =>
          item.code === 'A2' &&
          (f.kind === 'NO_NOTICE' || f.kind === 'NOTICE_NOT_DUE') &&
          f.inspectionId &&
          markable.has(f.inspectionId) ? (
            <MarkNoticeForm
              inspectionId={f.inspectionId}
              defaultDay={today}
              maxDay={today}
              action={markNoticeIssuedAction}
            />
          ) : null
        }
      />
      <UnitRanking rows={view.children} year={year} />
    </>
  );
}
