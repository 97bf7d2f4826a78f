/**
 * Outgoing mail through nodemailer. SMTP_URL chooses the transport security by scheme:
 * smtps:// is TLS from the first byte (port 465 by default); smtp:// upgrades with STARTTLS
 * when the server offers it (port 587 by default) and insists on it when credentials would
 * otherwise cross the network in clear text.
 */
import nodemailer, { type Transporter } from "nodemailer";

export type OutgoingMail = {
  /** Stable across retries, so receivers can drop a duplicate after a crash mid-send. */
  messageId: string;
  from: string;
  to: { address: string; name: string | null };
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar: { method: "REQUEST" | "CANCEL"; filename: string; content: string } | null;
};

export type Mailer = {
  from: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/;

/** Transport options for an smtp:// or smtps:// URL. */
export function smtpOptionsFromUrl(url: string): SmtpOptions {
  const u = new URL(url);
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:") throw new Error("SMTP URL must start with smtp:// or smtps://");
  const secure = u.protocol === "smtps:";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const auth = u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined;
  return {
    host,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && auth !== undefined && !LOOPBACK.test(host),
    ...(auth ? { auth } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/** Wraps a nodemailer transport (SMTP in production and in tests: a real server on loopback). */
export function createMailer(transport: Transporter, from: string): Mailer {
  return {
    from,
    async send(mail) {
      await transport.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** The mailer for SMTP_URL. */
export function createSmtpMailer(url: string, from: string): Mailer {
  return createMailer(nodemailer.createTransport(smtpOptionsFromUrl(url)), from);
}

/** An SMTP reply in the 5xx range (or a refused envelope) will not change by retrying. */
export function isPermanentMailError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { responseCode?: unknown; code?: unknown };
  return (typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600) || e.code === "EENVELOPE";
}
