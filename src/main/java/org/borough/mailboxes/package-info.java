// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Mailboxes: email to case. Borough reads the council's mailboxes ({@code contact@}, {@code
 * complaints@}) over IMAPS; each new email becomes a contact with the resident who sent it and
 * either a new case for the mailbox's service or, when its subject quotes a case reference, a note
 * on that case. Attachments are kept as uploads are; auto-replies, bounces and mail loops are
 * recognised and left alone. An email is taken once however often it is seen, and the resident's
 * acknowledgement is the case's "report received" notification, sent once from the outbox. See
 * {@code docs/mailboxes.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Mailboxes",
    allowedDependencies = {"system", "identity", "catalogue", "residents", "cases", "contacts"})
package org.borough.mailboxes;
