export type JobLogLine = { job: string; kind: string; ms: number; accountId?: string } & Record<string, unknown>;

/** One structured line per job run (style §3.7), on stdout so log shippers pick it up as JSON. */
export function logJob(line: JobLogLine): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...line }));
}
