import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { PER_PARTITION_UNIQUE_INDEXES, withoutPartitionedUniques } from '../../../scripts/migrate/partitioning.mjs';

const [postKey, commentKey] = PER_PARTITION_UNIQUE_INDEXES as string[];

describe('withoutPartitionedUniques', () => {
  it('treats a diff of only the per-partition unique indexes as empty', () => {
    const script = `-- CreateIndex\n${postKey}\n\n-- CreateIndex\n${commentKey}\n`;
    expect(withoutPartitionedUniques(script)).toEqual({ script: '', removed: [postKey, commentKey] });
  });

  it('keeps every other statement, including other unique indexes on the same tables', () => {
    const other = 'CREATE UNIQUE INDEX "post_url_key" ON "post"("url");';
    const column = '-- AlterTable\nALTER TABLE "post" ADD COLUMN "note" TEXT;';
    const { script, removed } = withoutPartitionedUniques(
      `${column}\n\n-- CreateIndex\n${postKey}\n\n-- CreateIndex\n${other}\n`,
    );
    expect(removed).toEqual([postKey]);
    expect(script).toBe(`${column}\n\n-- CreateIndex\n${other}\n`);
  });
});
