// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link SmsSender}: writes the text to the log instead of sending it, with the number
 * masked to its last three digits. The text holds a reference and a status, nothing personal.
 */
class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

  @Override
  public void send(String phone, String text) {
    log.info("SMS (not sent: no SMS gateway configured) to {}: {}", Masks.phone(phone), text);
  }
}
