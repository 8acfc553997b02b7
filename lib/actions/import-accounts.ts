'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request-locale';
import { readUploadedFile } from '@/lib/import/upload-limits';
import type { AccountImportPreview } from '@/lib/schemas/account-import';
import { importAccountsInScope, previewImportInScope } from '@/lib/services/admin-accounts';
import { ImportRejectedError } from '@/lib/services/import-accounts';
import { defineAction } from './define-action';

export type Imported = { imported: number; preview: AccountImportPreview };

/** Preview (`mode=preview`) or import (`mode=import`) an uploaded CSV/XLSX; row errors come back as a preview. */
export const importAccountsAction = defineAction<Imported, FormData>({
  roles: ADMIN_ROLES,
  run: async ({ access, input: form }) => {
    const file = await readUploadedFile(form);
    // Row errors in the language of the page that sent the file (its locale cookie), like every action error.
    const locale = (await requestLocale()) ?? DEFAULT_LOCALE;
    if (form.get('mode') !== 'import')
      return { imported: 0, preview: await previewImportInScope({ access, file, locale }) };
    return importAccountsInScope({ access, file, locale });
  },
  recover: (error) => {
    if (error instanceof ImportRejectedError)
      return { ok: true, data: { imported: 0, preview: { rows: [], errors: error.errors, suspectRows: [] } } };
    // A spreadsheet the reader cannot open throws a plain Error: its sentence is the answer.
    if (error instanceof Error && !('code' in error)) return { ok: false, code: 'VALIDATION', message: error.message };
    return undefined;
  },
});
