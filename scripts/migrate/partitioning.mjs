// What Prisma's schema engine cannot see about the monthly partitioned tables (docs/retention.md).
//
// The engine describes a partitioned table as its parent and ignores the partitions, so keys, indexes and foreign
// keys compare as usual, with one exception: PostgreSQL refuses a unique index on a partitioned table unless it
// contains the partition key. `post` and `comment` are partitioned by id (migration
// 20261204140500_partition_history_by_month), so their @@unique keys are unique indexes on every partition instead
// of one on the parent, and every diff from the database or the migrations to schema.prisma proposes exactly these
// statements. drift, db-drift and create leave them out, and nothing else.
export const PER_PARTITION_UNIQUE_INDEXES = [
  'CREATE UNIQUE INDEX "post_account_id_platform_post_id_key" ON "post"("account_id", "platform_post_id");',
  'CREATE UNIQUE INDEX "comment_post_id_platform_comment_id_key" ON "comment"("post_id", "platform_comment_id");',
];

const hasStatement = (block) => block.split('\n').some((line) => line.trim() && !line.trim().startsWith('--'));

/**
 * Removes the per-partition unique indexes from a migration script the engine wrote (blocks separated by blank lines,
 * each "-- Comment\nSTATEMENT;"). Returns the remaining script ('' when only those were left) and what was removed.
 */
export function withoutPartitionedUniques(script) {
  const removed = [];
  const blocks = script.split(/\n\s*\n/).filter((block) => {
    const statement = block
      .split('\n')
      .filter((line) => !line.trim().startsWith('--'))
      .join('\n')
      .trim();
    if (PER_PARTITION_UNIQUE_INDEXES.includes(statement)) {
      removed.push(statement);
      return false;
    }
    return true;
  });
  const rest = blocks.filter(hasStatement).length ? `${blocks.join('\n\n').trimEnd()}\n` : '';
  return { script: rest, removed };
}
