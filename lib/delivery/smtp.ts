import nodemailer from 'nodemailer';
import { z } from 'zod';

// SMTP is infrastructure, configured by the operator in the environment (docs/notifications.md); an email channel
// only names recipients. TLS: SMTP_SECURE=true is implicit TLS (port 465); otherwise STARTTLS, required unless
// SMTP_REQUIRE_TLS=false (then STARTTLS is still used when offered). Certificates are verified unless SMTP_TLS_REJECT_UNAUTHORIZED=false (a test relay only).

// A blank variable (copied from .env.example) is unset.
const blank = (v: unknown) => (v === '' ? undefined : v);
const flag = (fallback: boolean) =>
  z
    .preprocess(blank, z.enum(['true', 'false']).optional())
    .transform((v) => (v === undefined ? fallback : v === 'true'));

export const smtpEnvSchema = z.object({
  SMTP_HOST: z.string().trim().min(1),
  SMTP_PORT: z.preprocess(blank, z.coerce.number().int().min(1).max(65_535).optional()),
  SMTP_SECURE: flag(false),
  SMTP_REQUIRE_TLS: flag(true),
  SMTP_TLS_REJECT_UNAUTHORIZED: flag(true),
  SMTP_TLS_MIN_VERSION: z.preprocess(blank, z.enum(['TLSv1.2', 'TLSv1.3']).default('TLSv1.2')),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().trim().min(3),
});
export type SmtpConfig = z.output<typeof smtpEnvSchema>;

/** The SMTP settings, or null when SMTP_HOST is unset (email channels then fail with a clear reason). */
export function loadSmtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  const parsed = smtpEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid SMTP configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export type MailSender = (mail: {
  to: string[];
  subject: string;
  text: string;
  html: string;
}) => Promise<{ response: string }>;

export function createMailSender(config: SmtpConfig): MailSender {
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT ?? (config.SMTP_SECURE ? 465 : 587),
    secure: config.SMTP_SECURE,
    requireTLS: !config.SMTP_SECURE && config.SMTP_REQUIRE_TLS,
    tls: { rejectUnauthorized: config.SMTP_TLS_REJECT_UNAUTHORIZED, minVersion: config.SMTP_TLS_MIN_VERSION },
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return async (mail) => {
    const info = await transport.sendMail({
      from: config.SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return { response: String(info.response ?? '') };
  };
}
