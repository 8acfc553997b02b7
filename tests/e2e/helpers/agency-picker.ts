import { expect, type Locator, type Page } from '@playwright/test';

/** The searchable agency tree labelled `label` (components/ui/agency-picker.tsx). */
export const agencyPicker = (scope: Page | Locator, label: string) => scope.getByRole('group', { name: label });

/** Chooses an agency in the agency tree labelled `label`: types its name, clicks it, checks it is selected. */
export async function pickAgency(scope: Page | Locator, label: string, agency: string) {
  const picker = agencyPicker(scope, label);
  await picker.getByRole('searchbox').fill(agency);
  const item = picker.getByRole('treeitem', { name: agency, exact: true });
  await item.click();
  await expect(item).toHaveAttribute('aria-selected', 'true');
}

/** Checks which agency the tree labelled `label` has chosen (e.g. the scope a form starts on). */
export async function expectPickedAgency(scope: Page | Locator, label: string, agency: string) {
  const item = agencyPicker(scope, label).getByRole('treeitem', { name: agency, exact: true });
  await expect(item).toHaveAttribute('aria-selected', 'true');
}
