import { AppError } from '@/lib/errors';

/**
 * The largest CSV/XLSX import accepted. Next's server-action body limit (next.config.ts
 * `experimental.serverActions.bodySizeLimit`) is set a little above it so an oversized file reaches this check
 * and its clear message instead of Next's generic error page; the form checks the size before sending too.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** Client and server: the error key and params for a file that may not be uploaded, or null. */
export function uploadProblem(
  file: { size: number } | null | undefined,
): { key: 'importFileEmpty' | 'importFileTooLarge'; params?: { maxMb: number } } | null {
  if (!file || file.size === 0) return { key: 'importFileEmpty' };
  if (file.size > MAX_IMPORT_BYTES) return { key: 'importFileTooLarge', params: { maxMb: MAX_IMPORT_MB } };
  return null;
}

/** The uploaded `file` field of a form as an import file; a missing, empty or oversized one is a VALIDATION error. */
export async function readUploadedFile(form: FormData): Promise<{ name: string; bytes: Uint8Array }> {
  const file = form.get('file');
  const problem = uploadProblem(file instanceof File ? file : null);
  if (problem?.key === 'importFileTooLarge')
    throw new AppError('VALIDATION', 'importFileTooLarge', { params: problem.params, field: 'file' });
  if (problem || !(file instanceof File)) throw new AppError('VALIDATION', 'importFileEmpty', { field: 'file' });
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
