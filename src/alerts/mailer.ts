import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { PermanentError } from '../errors.js';
import type { RenderedEmail } from './render.js';
import { headerText, safeAddress } from './sanitize.js';

/** A rendered e-mail with where it goes and the Message-ID that identifies it across retries. */
export interface OutgoingMail extends RenderedEmail {
  messageId: string;
  to: string[];
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  via: 'smtp' | 'outbox';
  /** The SMTP server (without credentials) or the .eml file written. */
  location: string;
}

export interface Mailer {
  via: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface MailerOptions {
  /** smtp:// or smtps:// URL; without one, messages go to `outboxDir` as .eml files. */
  smtpUrl?: string | undefined;
  outboxDir?: string | undefined;
  from?: string | undefined;
}

export const DEFAULT_FROM = 'stancewatch <alerts@stancewatch.invalid>';

/** The Message-ID for an alert (or a digest key): the same on every retry, so clients can drop a duplicate. */
export function alertMessageId(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '-')}@stancewatch>`;
}

function message(mail: OutgoingMail, from: string) {
  const to = mail.to.map(safeAddress).filter((a): a is string => a !== undefined);
  if (to.length === 0) throw new PermanentError(`no valid recipient in [${mail.to.join(', ')}]`);
  const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([k, v]) => [k, headerText(v, 200)]));
  return {
    from,
    to,
    subject: headerText(mail.subject, 200),
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers,
    attachments: mail.attachments.map((a) => ({ ...a, contentDisposition: 'inline' as const })),
  };
}

/** The message as an RFC 5322 file (.eml), byte for byte what SMTP would carry. */
export async function composeEml(mail: OutgoingMail, from = DEFAULT_FROM): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(message(mail, from));
  return info.message as Buffer;
}

function redact(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return `${u.protocol}//${u.host}`;
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    via: 'smtp',
    async send(mail) {
      const info = await transport.sendMail(message(mail, from));
      const accepted = info.accepted.map(String);
      if (accepted.length === 0) throw new Error(`SMTP server accepted no recipient: ${info.response}`);
      const rejected = info.rejected.map(String);
      return { messageId: info.messageId, accepted, rejected, via: 'smtp', location: redact(url) };
    },
    close: () => transport.close(),
  };
}

/** The .eml file an outbox writes a message to: named after its Message-ID, so a re-send replaces it. */
export function outboxFile(dir: string, messageId: string): string {
  return path.join(dir, `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '-')}.eml`);
}

function outboxMailer(dir: string, from: string): Mailer {
  return {
    via: 'outbox',
    async send(mail) {
      const eml = await composeEml(mail, from);
      await mkdir(dir, { recursive: true });
      // Named after the Message-ID: writing the same alert again replaces its file, never adds one.
      const file = outboxFile(dir, mail.messageId);
      await writeFile(`${file}.tmp`, eml);
      await rename(`${file}.tmp`, file);
      return { messageId: mail.messageId, accepted: mail.to, rejected: [], via: 'outbox', location: file };
    },
    close: () => undefined,
  };
}

/** SMTP through nodemailer when `smtpUrl` is set, else .eml files in `outboxDir`. */
export function createMailer(o: MailerOptions): Mailer {
  const from = o.from ?? DEFAULT_FROM;
  if (o.smtpUrl) return smtpMailer(o.smtpUrl, from);
  if (!o.outboxDir) throw new Error('alert e-mail needs SMTP_URL or an outbox folder');
  return outboxMailer(o.outboxDir, from);
}
