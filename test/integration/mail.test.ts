import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { notifications } from '../../db/schema';
import { mailNotifications } from '../../server/services/notifications/mailer';
import { notify } from '../../server/services/notifications/notify';
import { createTestUser, startTestApp, type TestApp } from '../support/harness';

/** A message as the SMTP server received it: the envelope and the raw text. */
interface Received { from: string; to: string[]; raw: string }

/**
 * Notification e-mails through a real SMTP server (smtp-server, in this process, on a free port):
 * what a liaison's mailbox would receive, and what happens when the mail server is away.
 */
let smtp: SMTPServer;
let port: number;
let smtpRunning = false;
const stopSmtp = async () => {
  if (smtpRunning) await new Promise<void>((resolve) => smtp.close(resolve));
  smtpRunning = false;
};
const inbox: Received[] = [];
let app: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpRunning = true;
  port = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'CTDC back office <no-reply@ctdc.test>' });
});
afterAll(async () => {
  await app.close();
  await stopSmtp();
});

const expiring = (n: number) => ({
  kind: 'agreement_expiring', title: `Agreement ${n} expires in 30 days`, body: `The data-sharing agreement ${n} expires on 2027-01-01; renew it before then.`, dedupeKey: `mail-test-${n}-${Date.now()}`,
});

it('sends each new notification to its user\'s address, from MAIL_FROM, with the notification\'s title and text', async () => {
  const liaison = await createTestUser(app.ctx, ['partner_liaison']);
  const other = await createTestUser(app.ctx, ['partner_liaison']);
  const created = [...await notify(app.ctx.db, [liaison.id], expiring(1)), ...await notify(app.ctx.db, [other.id], expiring(2))];
  await mailNotifications(app.ctx.db, app.ctx.cfg, created);

  expect(inbox.map((m) => m.to)).toEqual([[liaison.email], [other.email]]);
  const [first] = inbox;
  expect(first.from).toBe('no-reply@ctdc.test');
  expect(first.raw).toMatch(/^From: CTDC back office <no-reply@ctdc\.test>$/m);
  expect(first.raw).toMatch(new RegExp(`^To: ${liaison.email.replace(/[.+]/g, '\\$&')}$`, 'm'));
  expect(first.raw).toMatch(/^Subject: Agreement 1 expires in 30 days$/m);
  expect(first.raw).toContain('The data-sharing agreement 1 expires on 2027-01-01; renew it before then.');
  expect(inbox[1].raw).toMatch(/^Subject: Agreement 2 expires in 30 days$/m);
});

it('keeps the in-app notification and carries on when the mail server cannot be reached', async () => {
  await stopSmtp();
  const liaison = await createTestUser(app.ctx, ['partner_liaison']);
  const created = await notify(app.ctx.db, [liaison.id], expiring(3));
  const before = inbox.length;
  await expect(mailNotifications(app.ctx.db, app.ctx.cfg, created)).resolves.toBeUndefined();
  expect(inbox).toHaveLength(before);
  const kept = await app.ctx.db.select().from(notifications).where(eq(notifications.userId, liaison.id));
  expect(kept.map((n) => n.title)).toEqual(['Agreement 3 expires in 30 days']);
});
