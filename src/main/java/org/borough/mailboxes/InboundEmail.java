// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.util.List;

/**
 * An email as Borough takes it in.
 *
 * @param key what tells it apart from every other email: its Message-ID, or its headers when it has
 *     none
 * @param from the sender's address as written, or null
 * @param fromName the sender's name as their mail program gives it, or null
 * @param subject the subject, empty when there is none
 * @param text the words of the email, from its plain-text part or else its HTML
 * @param attachments its files
 * @param automatic why it was sent by a machine (an auto-reply, a bounce, a loop), or null for a
 *     person's email
 * @param messageId its Message-ID as written, or null
 * @param answers the Message-IDs it answers (In-Reply-To, then References)
 */
record InboundEmail(
    String key,
    String from,
    String fromName,
    String subject,
    String text,
    List<Attachment> attachments,
    String automatic,
    String messageId,
    List<String> answers) {

  /**
   * A file attached to the email.
   *
   * @param size its size in bytes; more than {@code bytes} holds when it was too big to read whole
   */
  record Attachment(String filename, byte[] bytes, long size) {}
}
