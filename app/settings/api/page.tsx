import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApiReference, type OpenApiDocumentView } from '@/components/settings/api-reference';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { buildOpenApiDocument } from '@/lib/schemas/api/openapi-document';
import { apiRateLimitPerMinute } from '@/lib/services/authenticate-api-token';

export default async function ApiReferencePage() {
  await requirePageAccess(READ_ROLES);
  const t = await getTranslations('apiDocs');
  const doc = buildOpenApiDocument() as unknown as OpenApiDocumentView;
  return (
    <>
      <h1>{t('title')}</h1>
      <section className="panel">
        <p>{doc.info.description}</p>
        <p>{t('auth', { limit: apiRateLimitPerMinute() })}</p>
        <pre className="api-example">
          {'curl -H "Authorization: Bearer xj_…" "https://<host>/api/v1/findings?status=CONFIRMED"'}
        </pre>
        <p>{t('pagination')}</p>
        <p>
          <a href="/api/v1/openapi.json">openapi.json</a> · <Link href="/settings/tokens">{t('tokens')}</Link>
        </p>
      </section>
      <ApiReference doc={doc} />
    </>
  );
}
