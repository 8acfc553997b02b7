import { headers } from 'next/headers';
import { trustedClientIp } from '@/lib/security/client-ip';
import { setRequestIpResolver } from '@/lib/security/request-ip-context';

/** Registers the audit log's address source for this server: the address serve.mjs decided for the request. */
export function registerRequestIpResolver(): void {
  setRequestIpResolver(async () => trustedClientIp(await headers()));
}

registerRequestIpResolver();
