import nodemailer from "nodemailer";
import { reviewExpiredEmail, reviewRequestedEmail, type EmailText } from "../../i18n/email";
import type { Review } from "../../api/contract";

export interface Notifier {
  reviewRequested(review: Review): Promise<void>;
  reviewExpired(review: Review): Promise<void>;
  close(): void;
}

export interface MailSettings {
  url: string;
  from: string;
  /** Base URL of this server, for the link to the request. */
  publicUrl: string;
}

export function reviewLink(publicUrl: string, id: string): string {
  return `${publicUrl}/review/#/requests/${encodeURIComponent(id)}`;
}

/** Email notifications through SMTP (nodemailer). Sending never fails a request: errors go to `onError`. */
export function smtpNotifier(settings: MailSettings, onError: (error: Error, what: string) => void): Notifier {
  const transport = nodemailer.createTransport(settings.url);
  const send = async (to: string, mail: EmailText, what: string) => {
    try {
      await transport.sendMail({ from: settings.from, to, subject: mail.subject, text: mail.text });
    } catch (error) {
      onError(error as Error, what);
    }
  };
  return {
    reviewRequested: (review) => send(review.reviewer, reviewRequestedEmail(review, reviewLink(settings.publicUrl, review.id)), `notify ${review.reviewer} of ${review.id}`),
    reviewExpired: (review) => send(review.sender, reviewExpiredEmail(review, reviewLink(settings.publicUrl, review.id)), `tell ${review.sender} that ${review.id} expired`),
    close: () => transport.close(),
  };
}

/** When SMTP is not configured: notifications are only live (Server-Sent Events). */
export const NO_EMAIL: Notifier = {
  reviewRequested: async () => undefined,
  reviewExpired: async () => undefined,
  close: () => undefined,
};
