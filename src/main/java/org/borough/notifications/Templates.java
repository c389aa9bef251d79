// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of each notification, from {@code messages.properties}: {@code notify.<TEMPLATE>.*} for
 * the email subject and body and the text message. Arguments: {0} reference, {1} service, {2}
 * status (lower case), {3} link to track it, {4} council, {5} the resident's first name, {6} the
 * words of a reply (REPLY only).
 */
@Component
class Templates {

  record Message(String subject, String body, String sms) {}

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
      String words) {
    Object[] args = {reference, service, status, link, council, firstName, words};
    return new Message(
        messages.getMessage("notify." + template + ".subject", args, Locale.UK),
        messages.getMessage("notify." + template + ".body", args, Locale.UK),
        messages.getMessage("notify." + template + ".sms", args, Locale.UK));
  }
}
