import type { FrameLocator, Page } from "playwright-core";
import type { SentMessage, Snapshot } from "../../src/playground/store";

type Field = "to" | "cc" | "bcc";

/** Drives the playground the way a person would: typing, clicking, reading what is on screen. */
export class Playground {
  constructor(
    readonly page: Page,
    readonly base: string,
  ) {}

  async open(language: "ja" | "en"): Promise<void> {
    await this.page.goto(`${this.base}/playground/?lang=${language}`);
    await this.page.getByTestId("send").waitFor();
  }

  async type(field: Field, text: string): Promise<void> {
    const input = this.page.locator(`#recipients-${field}`);
    await input.fill(text);
    await input.press("Enter");
  }

  async subject(text: string): Promise<void> {
    await this.page.getByTestId("subject").fill(text);
  }

  async attach(name: string, content: string | Buffer, mimeType = "application/octet-stream"): Promise<void> {
    await this.page.getByTestId("attach").setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
    await this.page.getByTestId("attachment").filter({ hasText: name }).waitFor();
  }

  /** Waits until no launch event runs in the background (OnMessageAttachmentsChanged). */
  async backgroundDone(): Promise<void> {
    await this.page.waitForFunction(() => window.sendGuardPlayground?.store.snapshot().background === 0);
  }

  /** Makes an Office call fail, throw or never answer, with the playground's own controls. */
  async fault(call: string, kind: "fail" | "never" | "throw" | "none"): Promise<void> {
    await this.page.getByTestId("fault-call").selectOption(call);
    await this.page.getByTestId("fault-kind").selectOption(kind);
  }

  send(): Promise<void> {
    return this.page.getByTestId("send").click();
  }

  get alert() {
    return this.page.getByTestId("smart-alert");
  }

  get pane(): FrameLocator {
    return this.page.frameLocator('iframe[name="sendguard-taskpane"]');
  }

  /** The verdict the pane shows, once it has one. */
  async paneVerdict(expected?: string): Promise<string | null> {
    const verdict = expected ? this.pane.locator(`[data-testid=verdict][data-verdict=${expected}]`) : this.pane.getByTestId("verdict");
    await verdict.waitFor();
    return verdict.getAttribute("data-verdict");
  }

  snapshot(): Promise<Snapshot> {
    return this.page.evaluate(() => window.sendGuardPlayground!.store.snapshot());
  }

  async sent(): Promise<SentMessage[]> {
    return (await this.snapshot()).sent;
  }

  /** Waits for the Send to finish (the message left, or an alert is up). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      const s = window.sendGuardPlayground?.store.snapshot();
      return s !== undefined && !s.sending;
    });
  }
}
