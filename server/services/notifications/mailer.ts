import nodemailer, { type Transporter } from 'nodemailer';
import type { DbOrTx } from '../../../db/client';
import type { notifications } from '../../../db/schema';
import type { Config } from '../../config';
import { logger } from '../../logger';
import { userEmails } from './notify';

let transport: Transporter | null | undefined;

/**
 * E-mails the notifications just created, through SMTP when SMTP_URL is set; otherwise logs that
 * a mail would have gone out, without its content or the address (no personal data in logs).
 * Mail failures never undo the in-app notification.
 */
export async function mailNotifications(db: DbOrTx, cfg: Config, created: (typeof notifications.$inferSelect)[]): Promise<void> {
  if (created.length === 0) return;
  transport ??= cfg.SMTP_URL ? nodemailer.createTransport(cfg.SMTP_URL) : null;
  if (!transport) {
    for (const n of created) logger.info({ notificationId: n.id, kind: n.kind, userId: n.userId }, 'notification e-mail skipped (SMTP_URL not set)');
    return;
  }
  const addresses = new Map((await userEmails(db, created.map((n) => n.userId))).map((u) => [u.id, u.email]));
  for (const n of created) {
    const to = addresses.get(n.userId);
    if (!to) continue;
    await transport
      .sendMail({ from: cfg.MAIL_FROM, to, subject: n.title, text: `${n.body}\n\n— CTDC back office` })
      .catch((err: Error) => logger.warn({ notificationId: n.id, err: err.message }, 'notification e-mail failed'));
  }
}
