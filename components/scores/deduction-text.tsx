import { useTranslations } from 'next-intl';
import type { DeductionFigure } from '@/lib/services/figures/deductions';

/** "−5", or for a capped indicator "−150，按上限计 −20" (the exports print the same words). */
export function DeductionText({ deduction }: { deduction: DeductionFigure }) {
  const t = useTranslations('figures');
  return (
    <>
      {deduction.isCapped
        ? t('cappedDeduction', { raw: deduction.raw, deducted: deduction.deducted })
        : t('deduction', { deducted: deduction.deducted })}
    </>
  );
}
