import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { sendMessage } from '@/lib/delivery/send';
import { createMailSender, loadSmtpConfig } from '@/lib/delivery/smtp';
import type { DeliverDeps } from '@/lib/services/deliver-message';
import { runDeliverMessage } from './jobs/deliver-message';
import { createAddressGuard, parseAllowHosts } from './net/address-guard';
import { createPinnedFetch } from './net/pinned-fetch';
import { deliverMessageJobSchema, QUEUES } from './queue';

/**
 * The sender the worker uses: webhooks go through the crawlers' address guard with DNS pinning (a webhook URL is
 * user input: loopback and private networks are refused unless listed in DELIVERY_ALLOW_HOSTS, e.g. an intranet
 * WeCom deployment), email through the SMTP server of the environment.
 */
export function createDeliverySend(env: Record<string, string | undefined> = process.env): DeliverDeps['send'] {
  const guard = createAddressGuard({ allowHosts: parseAllowHosts(env.DELIVERY_ALLOW_HOSTS) });
  const fetch = createPinnedFetch(guard);
  const smtp = loadSmtpConfig(env);
  const mail = smtp ? createMailSender(smtp) : null;
  return (secret, message) => sendMessage(secret, message, { fetch, mail, now: () => new Date() });
}

/** Serves the delivery queue (two messages at a time per worker process). */
export async function startDeliveryJobs({
  db,
  boss,
  send = createDeliverySend(),
  keys,
}: {
  db: PrismaClient;
  boss: PgBoss;
  send?: DeliverDeps['send'];
  keys?: DeliverDeps['keys'];
}): Promise<void> {
  await boss.work(QUEUES.deliverMessage, { batchSize: 1, localConcurrency: 2, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      const { deliveryId } = deliverMessageJobSchema.parse(job.data);
      await runDeliverMessage({
        boss,
        deliveryId,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
        deps: { db, send, keys },
      });
    }
  });
}
