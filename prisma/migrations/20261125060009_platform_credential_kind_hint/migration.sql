-- AlterTable
ALTER TABLE "platform_credential" ADD COLUMN     "key_id" TEXT NOT NULL,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "secret_hint" TEXT NOT NULL;
