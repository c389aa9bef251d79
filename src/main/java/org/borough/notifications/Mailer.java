// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.borough.notifications.notify.NotifyClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text email: through GOV.UK Notify when it has an email template for the message
 * ({@code BOROUGH_NOTIFY_*}), else through Spring Mail ({@code SPRING_MAIL_*}); with neither it
 * writes the masked address and the subject — never the body — to the log instead.
 */
@Component
class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /** An email handed over: the channel recorded, and Notify's id for it when Notify took it. */
  record Sent(String channel, String providerId) {}

  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyClient notify;
  private final NotificationsProperties properties;

  Mailer(
      ObjectProvider<JavaMailSender> mail,
      NotifyClient notify,
      NotificationsProperties properties) {
    this.mail = mail;
    this.notify = notify;
    this.properties = properties;
  }

  /**
   * Sends it; the channel is {@code EMAIL}, or {@code EMAIL_LOG} when it went to the log.
   *
   * @param message the message's name ({@code RECEIVED}, {@code SIGN_IN}, ...), which may have a
   *     Notify template of its own
   * @param fields what a Notify template of its own may use besides {@code subject} and {@code
   *     body}
   * @param reference Borough's id for the message, which Notify's delivery receipt carries back;
   *     null when no receipt is wanted
   * @throws RuntimeException when the mail server or Notify refused it or could not be reached
   */
  Sent send(
      String message,
      String to,
      String subject,
      String body,
      Map<String, String> fields,
      String reference) {
    return send(message, to, subject, body, fields, reference, Map.of());
  }

  /**
   * As above, with headers of its own ({@code Message-ID}, {@code In-Reply-To}, {@code References})
   * that thread a conversation; they go by SMTP only, as Notify sets its own.
   */
  Sent send(
      String message,
      String to,
      String subject,
      String body,
      Map<String, String> fields,
      String reference,
      Map<String, String> headers) {
    Optional<String> template = notify.template(message, NotifyClient.Channel.EMAIL);
    if (template.isPresent()) {
      Map<String, String> personalisation = new LinkedHashMap<>(fields);
      personalisation.put("subject", subject);
      personalisation.put("body", body);
      return new Sent(
          "EMAIL",
          notify.send(NotifyClient.Channel.EMAIL, template.get(), to, personalisation, reference));
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.info(
          "Email to {} not sent: no mail server configured (SPRING_MAIL_HOST): {}",
          Masks.email(to),
          subject);
      return new Sent("EMAIL_LOG", null);
    }
    MimeMessage m = sender.createMimeMessage();
    try {
      MimeMessageHelper h = new MimeMessageHelper(m, StandardCharsets.UTF_8.name());
      h.setFrom(properties.from());
      h.setTo(to);
      h.setSubject(subject);
      h.setText(body);
      // An automatic message (RFC 3834): auto-responders do not answer it, and if it comes back to
      // one of the council's mailboxes, Borough leaves it alone rather than raise a case.
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setHeader("X-Auto-Response-Suppress", "All");
      // Spring keeps a Message-ID set here when it saves the message, rather than make its own.
      for (Map.Entry<String, String> header : headers.entrySet()) {
        m.setHeader(header.getKey(), header.getValue());
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    sender.send(m);
    return new Sent("EMAIL", null);
  }
}
