import { useTranslations } from 'next-intl';
import type { AssessmentUnitDto } from '@/lib/data/annual-assessment';

type Props = { units: AssessmentUnitDto[]; unitId: string; year: number; years: number[] };

/** A plain GET form: the choice lands in the URL (/assessment?unit=…&year=…), so a view can be shared. */
export function AssessmentFilter({ units, unitId, year, years }: Props) {
  const t = useTranslations('assessment');
  const depth = (u: AssessmentUnitDto) => u.ancestorIds.length - (units[0]?.ancestorIds.length ?? 0);
  return (
    <form className="filter-bar panel assessment-filter" method="get" action="/assessment" aria-label={t('filter')}>
      <label>
        {t('unit')}
        <select name="unit" defaultValue={unitId}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>{`${'\u3000'.repeat(Math.max(0, depth(u)))}${u.name}`}</option>
          ))}
        </select>
      </label>
      <label>
        {t('year')}
        <select name="year" defaultValue={String(year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('show')}</button>
    </form>
  );
}
