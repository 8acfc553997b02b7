import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// The forms call server actions ('server-only') and the app router; neither runs in a static render.
vi.mock('server-only', () => ({}));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
vi.mock('@/lib/actions/save-subscription', () => ({ saveSubscriptionAction: async () => ({ ok: true }) }));
vi.mock('@/lib/actions/create-api-token', () => ({ createApiTokenAction: async () => ({ ok: true }) }));
vi.mock('@/lib/actions/start-export-job', () => ({ startExportJobAction: async () => ({ ok: true }) }));
vi.mock('@/lib/actions/create-inspection', () => ({ createInspectionAction: async () => ({ ok: true }) }));

const { SelectField } = await import('@/components/ui/select-field');
const { SubscriptionForm } = await import('@/components/notifications/subscription-form');
const { ApiTokenForm } = await import('@/components/settings/api-token-form');
const { ExportForm } = await import('@/components/exports/export-form');
const { CreateInspectionForm } = await import('@/app/inspections/create-form');
const zhCN = (await import('@/lib/i18n/messages/zh-CN.json')).default;

const html = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        NextIntlClientProvider,
        {
          locale: 'zh-CN',
          messages: zhCN as AbstractIntlMessages,
          timeZone: 'Asia/Shanghai',
        } as ComponentProps<typeof NextIntlClientProvider>,
        element,
      ),
    ),
  );

describe('SelectField', () => {
  it('labels its select, offers the options and links its error to the select', () => {
    const out = html(
      createElement(SelectField, {
        name: 'role',
        label: '角色',
        placeholder: '请选择角色',
        options: [
          { value: 'AUDITOR', label: '审计人员' },
          { value: 'ADMIN', label: '管理员' },
        ],
        required: true,
        error: '角色：必填',
      }),
    );
    expect(out).toMatch(/^<label>角色<select name="role" required=""/);
    // The placeholder is chosen and cannot be chosen again: no role by default.
    expect(out).toContain('<option value="" disabled="" selected="">请选择角色</option>');
    expect(out).toContain('<option value="ADMIN">管理员</option>');
    const describedBy = /aria-describedby="([^"]+)"/.exec(out)?.[1];
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain(`<span class="error" id="${describedBy}">角色：必填</span>`);
  });

  it('says nothing and marks nothing without an error', () => {
    const out = html(
      createElement(SelectField, {
        name: 'format',
        label: '格式',
        defaultValue: 'xlsx',
        options: [
          { value: 'pdf', label: 'PDF' },
          { value: 'xlsx', label: 'Excel' },
        ],
      }),
    );
    expect(out).toContain('<option value="xlsx" selected="">Excel</option>');
    expect(out).not.toMatch(/aria-invalid|aria-describedby|class="error"/);
  });

  it('is the one labelled select of the forms that repeated it', () => {
    const root = join(import.meta.dirname, '../../..');
    for (const file of [
      'components/notifications/subscription-form.tsx',
      'components/settings/api-token-form.tsx',
      'components/admin/create-user-form.tsx',
      'components/admin/user-manage-forms.tsx',
      'components/exports/export-form.tsx',
      'app/inspections/create-form.tsx',
    ]) {
      const source = readFileSync(join(root, file), 'utf8');
      expect([file, source.includes('<select')]).toEqual([file, false]);
      expect([file, source.includes('<SelectField')]).toEqual([file, true]);
    }
  });
});

// A province, a city below it and a county below the city: the tree the pickers show.
const TREE = [
  { id: '00000000-0000-4000-8000-000000000001', name: '江川省', parentId: null },
  { id: '00000000-0000-4000-8000-000000000002', name: '江川市', parentId: '00000000-0000-4000-8000-000000000001' },
  { id: '00000000-0000-4000-8000-000000000003', name: '临溪县', parentId: '00000000-0000-4000-8000-000000000002' },
];

/** The agency field of a rendered form: a tree picker posting `name`, starting on the scope root; never a select. */
function expectAgencyTree(out: string, name: string) {
  expect(out).not.toMatch(new RegExp(`<select[^>]*name="${name}"`));
  expect(out).toContain('role="tree"');
  expect(out).toContain(`<input type="hidden" name="${name}" value="${TREE[0]?.id}"/>`);
  // Roots open, deeper levels closed: the city shows, the county waits under it.
  expect(out).toMatch(/role="treeitem"[^>]*aria-level="2"[^>]*>.*江川市/);
  expect(out).not.toContain('临溪县</li>');
}

describe('agency fields are the tree picker', () => {
  it('in the subscription form', () => {
    const out = html(
      createElement(SubscriptionForm, {
        agencies: TREE,
        channels: [
          { id: 'c1', kind: 'WECOM', label: '工作群', secretHint: '…0001', createdAt: '2026-12-01T00:00:00Z' },
        ],
        users: [{ id: 'u1', name: '督查员' }],
      } as ComponentProps<typeof SubscriptionForm>),
    );
    expectAgencyTree(out, 'agencyId');
  });

  it('in the API token form', () => {
    const out = html(
      createElement(ApiTokenForm, { agencies: TREE, owners: [{ id: 'u1', name: '我' }], roles: ['AUDITOR'] }),
    );
    expectAgencyTree(out, 'agencyId');
  });

  it('in the export form, starting on the agency a refused link asked for', () => {
    const props = {
      agencies: TREE.map((a) => ({ ...a, accounts: 10 })),
      directLimit: 300,
      defaultQuarter: '2026Q4',
      defaultYear: '2026',
    };
    expectAgencyTree(html(createElement(ExportForm, props)), 'agencyId');
    const prefilled = html(createElement(ExportForm, { ...props, prefill: { agencyId: TREE[2]?.id } }));
    expect(prefilled).toContain(`<input type="hidden" name="agencyId" value="${TREE[2]?.id}"/>`);
    expect(prefilled).toContain('江川省 › 江川市 › 临溪县');
    // The assessment page's ZIP link of a large tree lands here (303) with the ZIP filled in, to run as a job.
    const zip = html(
      createElement(ExportForm, {
        ...props,
        prefill: { kind: 'assessment-zip', period: '2026', agencyId: TREE[1]?.id, format: 'xlsx' },
      }),
    );
    expect(zip).toContain('<option value="assessment-zip" selected="">');
    expect(zip).toMatch(/name="period"[^>]*value="2026"/);
    expect(zip).toContain('<option value="xlsx" selected="">');
  });

  it('in the inspection form', () => {
    const out = html(
      createElement(CreateInspectionForm, { agencies: TREE, editions: [{ code: 'national-2019', name: '国办指标' }] }),
    );
    expectAgencyTree(out, 'scopeAgencyId');
  });
});
