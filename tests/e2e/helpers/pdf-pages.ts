import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(process.cwd(), 'tests/e2e/screenshots');

/**
 * Saves an exported PDF beside the screenshots and renders each page to PNG with poppler's pdftoppm (poppler-utils,
 * installed by .ci/run), so reviewers look at the printed document itself. Returns the PNG paths, page order.
 */
export function savePdfPages(bytes: Buffer, name: string): string[] {
  mkdirSync(DIR, { recursive: true });
  const pdf = join(DIR, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(DIR, name)], { stdio: 'inherit' });
  const page = new RegExp(`^${name}-(\\d+)\\.png$`);
  return readdirSync(DIR)
    .filter((f) => page.test(f))
    .sort((a, b) => Number(page.exec(a)?.[1]) - Number(page.exec(b)?.[1]))
    .map((f) => join(DIR, f));
}
