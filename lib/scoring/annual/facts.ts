// The stored facts of one supervising unit's tree for one year, as lib/data reads them (JSON-safe, instants as ISO).

export type AnnualUnit = { id: string; name: string; ancestorIds: string[] };

export type AnnualAccountFact = {
  id: string;
  name: string;
  platformCode: string;
  agencyId: string;
  agencyName: string;
  /** The account's agency and its ancestors: lets one load serve the unit and each of its children. */
  agencyPath: string[];
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** false: found operating without being registered with the supervising office (A4). */
  isRegistered: boolean;
};

/** A finished inspection monitored in the year that scored accounts of the tree, or whose scope covers the tree. */
export type AnnualInspectionFact = {
  id: string;
  name: string;
  monitoringAt: string;
  scope: 'TREE' | 'SAMPLE';
  sampleRatio: number | null;
  scopeAgencyId: string;
  scopeAgencyName: string;
  /** When its notice (通报) was marked as issued (印发); null while not issued. */
  noticePublishedAt: string | null;
};

export type AnnualScoreFact = {
  inspectionId: string;
  accountId: string;
  result: 'PASS' | 'FAIL_SCORE' | 'FAIL_VETO' | 'AT_RISK' | 'INSUFFICIENT_DATA';
  vetoCodes: string[];
  pendingVetoCodes: string[];
  /** Ties between two inspections at the same monitoring time go to the later computation, as in the exports. */
  computedAt: string;
};

/** A rectification of a confirmed (or since rectified) finding on an account of the tree. */
export type AnnualRectificationFact = {
  id: string;
  findingId: string;
  accountId: string;
  indicatorCode: string;
  ruleId: string;
  /** Beijing day. */
  deadline: string;
  doneAt: string | null;
};

export type AnnualFacts = {
  unit: AnnualUnit;
  year: number;
  accounts: AnnualAccountFact[];
  inspections: AnnualInspectionFact[];
  scores: AnnualScoreFact[];
  rectifications: AnnualRectificationFact[];
};
