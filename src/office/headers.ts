import { officeCall } from "./async";

/**
 * Sets one internet header on the message being composed (Mailbox 1.8 `item.internetHeaders`);
 * it travels with the message, so transport rules can match it. Rejects where the client has no
 * internetHeaders (the message then leaves without it, which the mail-flow rule treats as unchecked).
 */
export function setInternetHeader(name: string, value: string): Promise<void> {
  const headers = Office.context?.mailbox?.item?.internetHeaders;
  if (!headers || typeof headers.setAsync !== "function") return Promise.reject(new Error("this Outlook cannot set internet headers"));
  return officeCall<void>("internetHeaders.setAsync", (cb) => headers.setAsync({ [name]: value }, cb));
}
