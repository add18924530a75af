export { ComposeSim, SimRoamingStore, FAULTS, type Fault, type SimAttachment, type SimChange, type SimField, type SimMailbox, type SimOptions, type SimRecipient, type SimRecipientType, type SimRuntime, type RuntimeKind } from "./compose-sim";
export { EVENT_TYPE, RECIPIENTS_PER_CALL, recipientLimit } from "./contract";
