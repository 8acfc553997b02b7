import type { AgencyLevel } from '@/lib/schemas/enums';

export type DemoAgency = {
  /** Stable key, e.g. `jc-ly-health`; accounts and golden cases refer to agencies by it. */
  key: string;
  parentKey: string | null;
  name: string;
  shortName: string;
  level: AgencyLevel;
  /** Registry code (kept stable: e2e tests and imports address agencies by it). */
  code: string;
  /** Administrative division code (行政区划代码): 6 digits, 9 for townships. */
  regionCode: string;
  isSupervisingUnit: boolean;
  /** D8 naming rule: an account name must mention a place of the agency's own chain. */
  namingRule: string;
};

// The province code prefix 39 is unassigned in GB/T 2260, so no real place is implied.
const PROVINCE = { key: 'prov', name: '江川省', short: '江川', region: '390000', code: '330000' };
const CITIES = [
  { key: 'jc', name: '江川市', short: '江川', region: '390100', code: '330100' },
  { key: 'qs', name: '青山市', short: '青山', region: '390200', code: '330200' },
  { key: 'bs', name: '白沙市', short: '白沙', region: '390300', code: '330300' },
];
const PROVINCE_DEPTS = [
  { key: 'police', name: '江川省公安厅' },
  { key: 'health', name: '江川省卫生健康委员会' },
  { key: 'culture', name: '江川省文化和旅游厅' },
];
const CITY_DEPTS = [
  { key: 'police', name: '公安局' },
  { key: 'health', name: '卫生健康委员会' },
  { key: 'civil', name: '精神文明建设办公室' },
  { key: 'traffic', name: '公安局交通警察支队' },
];
type County = { key: string; name: string; short: string; towns: [string, string] };
const COUNTIES: Record<string, County[]> = {
  jc: [
    { key: 'ly', name: '临溪县', short: '临溪', towns: ['白沙镇', '溪口乡'] },
    { key: 'hx', name: '河西区', short: '河西', towns: ['新塘街道', '古镇街道'] },
  ],
  qs: [
    { key: 'qsx', name: '青山县', short: '青山', towns: ['云岭镇', '茶园乡'] },
    { key: 'dh', name: '东湖区', short: '东湖', towns: ['湖滨街道', '渔港街道'] },
  ],
  bs: [
    { key: 'sl', name: '松林县', short: '松林', towns: ['柳湾镇', '松岭乡'] },
    { key: 'bx', name: '北溪县', short: '北溪', towns: ['石桥镇', '北坪镇'] },
  ],
};

const rule = (...places: string[]) => `(?:${[...new Set(places)].join('|')})`;
const townGov = (town: string) => (town.endsWith('街道') ? `${town}办事处` : `${town}人民政府`);

/** 江川省: province → cities → counties/districts → departments and townships (59 agencies). */
export function buildDemoAgencies(): DemoAgency[] {
  const p = PROVINCE;
  const list: DemoAgency[] = [
    {
      key: p.key,
      parentKey: null,
      name: p.name,
      shortName: p.short,
      level: 'PROVINCE',
      code: p.code,
      regionCode: p.region,
      isSupervisingUnit: false,
      namingRule: rule(p.short),
    },
    {
      key: 'prov-office',
      parentKey: p.key,
      name: `${p.name}人民政府办公厅`,
      shortName: '省政府办公厅',
      level: 'DEPARTMENT',
      code: `${p.code}-01`,
      regionCode: p.region,
      isSupervisingUnit: true,
      namingRule: rule(p.short),
    },
  ];
  PROVINCE_DEPTS.forEach((d, i) =>
    list.push({
      key: `prov-${d.key}`,
      parentKey: p.key,
      name: d.name,
      shortName: d.name.replace(p.name, '省'),
      level: 'DEPARTMENT',
      code: `${p.code}-${String(i + 2).padStart(2, '0')}`,
      regionCode: p.region,
      isSupervisingUnit: false,
      namingRule: rule(p.short),
    }),
  );
  for (const city of CITIES) {
    const cityRule = rule(p.short, city.short);
    const dept = (key: string, name: string, n: number, isSupervisingUnit = false): DemoAgency => ({
      key: `${city.key}-${key}`,
      parentKey: city.key,
      name: `${city.name}${name}`,
      shortName: `${city.short}${name}`,
      level: 'DEPARTMENT',
      code: `${city.code}-${String(n).padStart(2, '0')}`,
      regionCode: city.region,
      isSupervisingUnit,
      namingRule: cityRule,
    });
    list.push({
      key: city.key,
      parentKey: p.key,
      name: city.name,
      shortName: city.short,
      level: 'CITY',
      code: city.code,
      regionCode: city.region,
      isSupervisingUnit: false,
      namingRule: cityRule,
    });
    list.push(dept('office', '人民政府办公室', 1, true));
    CITY_DEPTS.forEach((d, i) => list.push(dept(d.key, d.name, i + 2)));
    (COUNTIES[city.key] ?? []).forEach((c, ci) => {
      const code = `${city.code.slice(0, 4)}${String(ci + 2).padStart(2, '0')}`;
      const region = `${city.region.slice(0, 4)}${String(ci + 2).padStart(2, '0')}`;
      const ck = `${city.key}-${c.key}`;
      const countyRule = rule(p.short, city.short, c.short);
      const sub = (
        key: string,
        name: string,
        n: number,
        level: AgencyLevel,
        extra: Partial<DemoAgency> = {},
      ): DemoAgency => ({
        key: `${ck}-${key}`,
        parentKey: ck,
        name,
        shortName: name.replace(c.name, c.short),
        level,
        code: `${code}-${String(n).padStart(2, '0')}`,
        regionCode: region,
        isSupervisingUnit: false,
        namingRule: countyRule,
        ...extra,
      });
      list.push({
        key: ck,
        parentKey: city.key,
        name: c.name,
        shortName: c.short,
        level: 'COUNTY',
        code,
        regionCode: region,
        isSupervisingUnit: false,
        namingRule: countyRule,
      });
      list.push(sub('office', `${c.name}人民政府办公室`, 1, 'DEPARTMENT', { isSupervisingUnit: true }));
      list.push(sub('health', `${c.name}卫生健康局`, 2, 'DEPARTMENT'));
      list.push(sub('propaganda', `中共${c.name}委宣传部`, 3, 'DEPARTMENT', { shortName: `${c.short}宣传部` }));
      c.towns.forEach((town, ti) => {
        const townShort = town.replace(/(镇|乡|街道)$/, '');
        list.push(
          sub(ti === 0 ? 'town' : `town${ti + 1}`, townGov(town), 4 + ti, 'TOWNSHIP', {
            shortName: town,
            regionCode: `${region}${String(100 + ti + 1)}`,
            namingRule: rule(p.short, city.short, c.short, townShort),
          }),
        );
      });
    });
  }
  return list;
}
