import type { ChannelSecret } from '@/lib/schemas/notification';
import type { Message } from './compose';
import { dingTalkRequest, robotVerdict, weComRequest } from './robots';
import type { MailSender } from './smtp';

// One try of one message. The fetch is the worker's guarded client (crawlers/net: private addresses refused unless
// allowlisted, DNS pinned); redirects are not followed — a robot webhook that redirects is refused.

export type SendOutcome = {
  ok: boolean;
  retryable: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
};
export type SendDeps = { fetch: typeof fetch; mail: MailSender | null; now: () => Date; timeoutMs?: number };

const short = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

export async function sendMessage(secret: ChannelSecret, message: Message, deps: SendDeps): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (secret.kind === 'EMAIL') {
    if (!deps.mail)
      return {
        ok: false,
        retryable: false,
        statusCode: null,
        latencyMs: 0,
        error: 'SMTP is not configured (SMTP_HOST)',
      };
    try {
      const { response } = await deps.mail({
        to: secret.to,
        subject: message.title,
        text: message.text,
        html: message.html,
      });
      const code = Number.parseInt(response, 10);
      return {
        ok: true,
        retryable: false,
        statusCode: Number.isFinite(code) ? code : null,
        latencyMs: elapsed(),
        error: null,
      };
    } catch (error) {
      const code = Number((error as { responseCode?: unknown }).responseCode);
      // 5xx SMTP answers are permanent (bad recipient, refused); connection trouble and 4xx are worth retrying.
      return {
        ok: false,
        retryable: !(code >= 500),
        statusCode: Number.isFinite(code) ? code : null,
        latencyMs: elapsed(),
        error: short(error),
      };
    }
  }
  const request =
    secret.kind === 'WECOM' ? weComRequest(secret, message) : dingTalkRequest(secret, message, deps.now());
  try {
    const response = await deps.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
    const body = (await response.text()).slice(0, 4000);
    const verdict = robotVerdict(response.status, body);
    return verdict.ok
      ? { ok: true, retryable: false, statusCode: response.status, latencyMs: elapsed(), error: null }
      : {
          ok: false,
          retryable: verdict.retryable,
          statusCode: response.status,
          latencyMs: elapsed(),
          error: verdict.error,
        };
  } catch (error) {
    // The guard's refusal (SSRF_REFUSED) will not heal; timeouts and connection errors may.
    const cause = (error as { cause?: unknown }).cause ?? error;
    const refused = [error, cause].some((e) => (e as { kind?: unknown } | null)?.kind === 'SSRF_REFUSED');
    return { ok: false, retryable: !refused, statusCode: null, latencyMs: elapsed(), error: short(cause) };
  }
}
