// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of each notification, from {@code messages.properties}: {@code notify.<TEMPLATE>.*} for
 * the email subject and body and the text message. Arguments: {0} reference, {1} service, {2}
 * status (lower case), {3} link to track it, {4} council, {5} the resident's first name, {6} the
 * words of a reply (REPLY only), {7} the satisfaction question's line with its link, or nothing
 * (RESOLVED only: {@code notify.feedback.line} in emails and letters, {@code notify.feedback.sms}
 * in texts). A letter's body is {@code notify.<TEMPLATE>.letter} where a letter must say something
 * else (a reply cannot be answered by replying to it), else the email's.
 */
@Component
class Templates {

  /** A message's words; {@code letter} is the body for a letter, the email's where none differs. */
  record Message(String subject, String body, String sms, String letter) {}

  private final MessageSource messages;

  Templates(MessageSource messages) {
    this.messages = messages;
  }

  Message render(
      String template,
      String reference,
      String service,
      String status,
      String link,
      String council,
      String firstName,
      String words,
      String feedback) {
    Object[] args = {reference, service, status, link, council, firstName, words, ""};
    Object[] sms = args.clone();
    if (feedback != null) {
      args[7] = messages.getMessage("notify.feedback.line", new Object[] {feedback}, Locale.UK);
      sms[7] = messages.getMessage("notify.feedback.sms", new Object[] {feedback}, Locale.UK);
    }
    String body = messages.getMessage("notify." + template + ".body", args, Locale.UK);
    return new Message(
        messages.getMessage("notify." + template + ".subject", args, Locale.UK),
        body,
        messages.getMessage("notify." + template + ".sms", sms, Locale.UK),
        messages.getMessage("notify." + template + ".letter", args, body, Locale.UK));
  }
}
