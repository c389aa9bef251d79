// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text email through Spring Mail ({@code SPRING_MAIL_*}); without a mail server it
 * writes the masked address and the subject — never the body — to the log instead.
 */
@Component
class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationsProperties properties;

  Mailer(ObjectProvider<JavaMailSender> mail, NotificationsProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  /**
   * Sends it; the channel recorded: {@code EMAIL}, or {@code EMAIL_LOG} when it went to the log.
   *
   * @throws RuntimeException when the mail server refused it or could not be reached
   */
  String send(String to, String subject, String body) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.info(
          "Email to {} not sent: no mail server configured (SPRING_MAIL_HOST): {}",
          Masks.email(to),
          subject);
      return "EMAIL_LOG";
    }
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom(properties.from());
    m.setTo(to);
    m.setSubject(subject);
    m.setText(body);
    sender.send(m);
    return "EMAIL";
  }
}
