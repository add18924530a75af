/**
 * What people are shown of an evaluation, shared by the alert text, the sender's pane and the
 * reviewer: the findings split for display, one entry per flagged file, recipients by party.
 * Pure; no text (that is i18n's), no React.
 */
export { findingsView, type ExposureFinding, type FindingsView } from "./findings";
export { flaggedFiles, type FlaggedFile } from "./flagged-files";
export { groupRecipients, type GroupMember, type PartyGroup, type RecipientOverview } from "./recipient-groups";
