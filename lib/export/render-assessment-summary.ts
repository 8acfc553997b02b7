import ExcelJS from 'exceljs';
import type { AnnualAssessment } from '@/lib/scoring/annual';
import type { ExportLabels } from './labels';

const CODES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;

/** The ZIP's first file: one row per assessed unit (score, veto, each item), in the order of the reports. */
export async function renderAssessmentSummary(
  views: Array<{ assessment: AnnualAssessment }>,
  l: ExportLabels,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xunjian';
  const ws = wb.addWorksheet(l.doc('sheets.assessment'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const col = (key: string) => l.doc(`columns.${key}`);
  ws.columns = [
    { header: col('unit'), width: 30 },
    { header: col('score'), width: 9 },
    { header: col('veto'), width: 9 },
    ...CODES.map((c) => ({ header: `${c} ${l.t(`assessment.items.${c}`)}`, width: 14 })),
    { header: col('note'), width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const { assessment: a } of views) {
    const cells = CODES.map((code) => {
      const item = a.items.find((i) => i.code === code);
      if (!item) return '';
      if (item.status === 'INSUFFICIENT_DATA' || item.status === 'NOT_DUE')
        return l.t(`assessment.statuses.${item.status}`);
      return code === 'A0' ? (a.vetoed ? l.doc('yes') : l.doc('no')) : item.deducted ? -item.deducted : 0;
    });
    const note = [
      a.isFinal ? '' : l.doc('assessmentProvisional'),
      a.hasInsufficientData ? l.t('assessment.statuses.INSUFFICIENT_DATA') : '',
    ]
      .filter(Boolean)
      .join(' ');
    ws.addRow([a.unitName, a.score, a.vetoed ? l.doc('yes') : l.doc('no'), ...cells, note]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
