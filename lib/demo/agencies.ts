import type { AgencyLevel } from '@/lib/schemas/enums';

export type DemoAgency = { key: string; parentKey: string | null; name: string; level: AgencyLevel; code: string; isSupervisingUnit: boolean };

const CITIES = [
  { key: 'jc', name: '江川市', code: '330100' },
  { key: 'qs', name: '青山市', code: '330200' },
  { key: 'bs', name: '白沙市', code: '330300' },
];
const CITY_DEPTS = [
  { key: 'police', name: '公安局' },
  { key: 'health', name: '卫生健康委员会' },
  { key: 'civil', name: '精神文明建设办公室' },
  { key: 'traffic', name: '公安局交通警察支队' },
];
const COUNTIES: Record<string, Array<{ key: string; name: string; town: string }>> = {
  jc: [{ key: 'ly', name: '临溪县', town: '白石镇' }, { key: 'hx', name: '河西区', town: '新塘街道' }],
  qs: [{ key: 'qsx', name: '青山县', town: '云岭镇' }, { key: 'dh', name: '东湖区', town: '湖滨街道' }],
  bs: [{ key: 'sl', name: '松林县', town: '柳湾镇' }, { key: 'bx', name: '北溪县', town: '石桥镇' }],
};

/** 江川省: province > city > county/district > departments and townships; 44 agencies. */
export function buildDemoAgencies(): DemoAgency[] {
  const list: DemoAgency[] = [
    { key: 'prov', parentKey: null, name: '江川省', level: 'PROVINCE', code: '330000', isSupervisingUnit: false },
    { key: 'prov-office', parentKey: 'prov', name: '江川省人民政府办公厅', level: 'DEPARTMENT', code: '330000-01', isSupervisingUnit: true },
    { key: 'prov-police', parentKey: 'prov', name: '江川省公安厅', level: 'DEPARTMENT', code: '330000-02', isSupervisingUnit: false },
    { key: 'prov-health', parentKey: 'prov', name: '江川省卫生健康委员会', level: 'DEPARTMENT', code: '330000-03', isSupervisingUnit: false },
    { key: 'prov-culture', parentKey: 'prov', name: '江川省文化和旅游厅', level: 'DEPARTMENT', code: '330000-04', isSupervisingUnit: false },
  ];
  for (const city of CITIES) {
    list.push({ key: city.key, parentKey: 'prov', name: city.name, level: 'CITY', code: city.code, isSupervisingUnit: false });
    list.push({ key: `${city.key}-office`, parentKey: city.key, name: `${city.name}人民政府办公室`, level: 'DEPARTMENT', code: `${city.code}-01`, isSupervisingUnit: true });
    CITY_DEPTS.forEach((d, i) =>
      list.push({ key: `${city.key}-${d.key}`, parentKey: city.key, name: `${city.name}${d.name}`, level: 'DEPARTMENT', code: `${city.code}-${String(i + 2).padStart(2, '0')}`, isSupervisingUnit: false }),
    );
    (COUNTIES[city.key] ?? []).forEach((c, ci) => {
      const code = `${city.code.slice(0, 4)}${String(ci + 2).padStart(2, '0')}`;
      const ck = `${city.key}-${c.key}`;
      list.push({ key: ck, parentKey: city.key, name: c.name, level: 'COUNTY', code, isSupervisingUnit: false });
      list.push({ key: `${ck}-office`, parentKey: ck, name: `${c.name}人民政府办公室`, level: 'DEPARTMENT', code: `${code}-01`, isSupervisingUnit: true });
      list.push({ key: `${ck}-health`, parentKey: ck, name: `${c.name}卫生健康局`, level: 'DEPARTMENT', code: `${code}-02`, isSupervisingUnit: false });
      list.push({ key: `${ck}-propaganda`, parentKey: ck, name: `${c.name}委宣传部`, level: 'DEPARTMENT', code: `${code}-03`, isSupervisingUnit: false });
      list.push({ key: `${ck}-town`, parentKey: ck, name: `${c.name}${c.town}`, level: 'TOWNSHIP', code: `${code}-04`, isSupervisingUnit: false });
    });
  }
  return list;
}
