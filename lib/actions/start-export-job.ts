'use server';

import { EXPORT_ROLES } from '@/lib/access';
import { startExportJob } from '@/lib/services/start-export-job';
import { defineAction } from './define-action';

export const startExportJobAction = defineAction({
  roles: EXPORT_ROLES,
  run: ({ access, input, now }) => startExportJob({ access, input, now }),
});
