import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readUploadedFile, uploadProblem } from '@/lib/import/upload-limits';

const form = (file: File | null) => {
  const data = new FormData();
  if (file) data.set('file', file);
  return data;
};

describe('upload limits', () => {
  it("sets Next's server-action body limit deliberately, a little above the largest import", () => {
    const config = readFileSync(new URL('../../../../next.config.ts', import.meta.url), 'utf8');
    const limit = /bodySizeLimit:\s*'(\d+)mb'/.exec(config);
    expect(limit, 'experimental.serverActions.bodySizeLimit in next.config.ts').not.toBeNull();
    const bytes = Number(limit?.[1]) * 1024 * 1024;
    expect(bytes).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(bytes).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 2 * 1024 * 1024);
  });

  it('names the problem of a missing, empty or oversized file (the same check runs in the browser)', () => {
    expect(uploadProblem(null)).toEqual({ key: 'importFileEmpty' });
    expect(uploadProblem({ size: 0 })).toEqual({ key: 'importFileEmpty' });
    expect(uploadProblem({ size: MAX_IMPORT_BYTES })).toBeNull();
    expect(uploadProblem({ size: MAX_IMPORT_BYTES + 1 })).toEqual({ key: 'importFileTooLarge', params: { maxMb: 5 } });
  });

  it('refuses an oversized upload on the server with a localized VALIDATION error', async () => {
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'big.csv');
    await expect(readUploadedFile(form(big))).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'importFileTooLarge',
      params: { maxMb: 5 },
      field: 'file',
    });
    await expect(readUploadedFile(form(null))).rejects.toMatchObject({ key: 'importFileEmpty' });
    const ok = await readUploadedFile(form(new File(['code,name\n'], 'ok.csv')));
    expect(ok.name).toBe('ok.csv');
    expect(new TextDecoder().decode(ok.bytes)).toBe('code,name\n');
  });
});
