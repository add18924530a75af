import type { AlertClient } from "../i18n";
import type { MemoryCounts } from "../memory/correspondence";
import type { PolicyResult } from "../policy";
import type { AlertContext, Draft, DraftRecipient, RecipientField, SendContext } from "../shared/types";
import type { OidcClient, TokenRequester } from "../ui/sign-in";

export type RecipientFields = Record<RecipientField, DraftRecipient[]>;

/**
 * Everything the task pane needs from Outlook, injected into the components so
 * that they never touch `Office` themselves (office-host.ts is the real one).
 */
export interface PaneHost {
  displayLanguage(): string | undefined;
  /** True / false when Office reports its theme; undefined when it cannot tell. */
  isDarkTheme(): boolean | undefined;
  readDraft(): Promise<Draft>;
  readPolicy(): Promise<PolicyResult>;
  /** What is known beyond the message (how it started, the correspondence memory), as the send handler reads it; `{}` when nothing is. */
  readContext(): Promise<SendContext>;
  /** How much the correspondence memory holds (counts only); null where the client has no roaming settings. */
  memoryCounts(): MemoryCounts | null;
  /** Forgets the correspondence memory (a new salt too); rejects when it could not be saved. */
  clearMemory(): Promise<void>;
  /** The correspondence memory as stored in the mailbox (roaming settings), undefined when none; and writing it whole. */
  readMemoryValue(): unknown;
  writeMemoryValue(value: unknown): Promise<void>;
  /** The Smart Alert's contextData when the pane was opened from it. */
  readAlertContext(): Promise<AlertContext | null>;
  /**
   * Calls back when recipients or attachments change, with the event's arguments
   * (Office.AttachmentsChangedEventArgs for attachments); resolves to a function that stops it.
   */
  watchDraft(listener: (args?: unknown) => void): Promise<() => Promise<void>>;
  /** New contextData while the pane is open (Mailbox 1.15); null where unsupported. */
  watchAlertContext(listener: (context: AlertContext | null) => void): Promise<(() => Promise<void>) | null>;
  writeRecipients(after: RecipientFields, before: RecipientFields): Promise<void>;
  removeAttachment(id: string): Promise<void>;
  /** An attachment's content: `format` "base64" (files), "eml" (attached messages) or "url" (cloud files). */
  readAttachmentContent(id: string): Promise<{ format: string; content: string }>;
  /** The signed-in mailbox's address (Office userProfile). */
  userEmail(): string | undefined;
  /** Values kept on this compose item (Office sessionData), shared with the send handler. */
  readItemValue(key: string): Promise<string | undefined>;
  writeItemValue(key: string, value: string): Promise<void>;
  removeItemValue(key: string): Promise<void>;
  /** Base URL of the Send Guard server that serves this pane (the review API lives under it). */
  serviceBase(): string;
  /** What this client's Smart Alert offers: "full" (Mailbox 1.14: Send Anyway, the pane button) or "basic" (the message only). */
  alertClient(): AlertClient;
  /** Tokens from the organisation's identity provider (Nested App Authentication in Outlook). */
  tokenRequester(client: OidcClient): TokenRequester;
}
