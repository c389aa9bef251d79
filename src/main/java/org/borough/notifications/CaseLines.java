// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells staff, on the case's timeline, when a message to the resident could not be sent or did not
 * arrive: an agent who sees it knows to call or write instead. Messages that went are not listed
 * there; the resident's record keeps them.
 */
@Component
class CaseLines {

  private static final Logger log = LoggerFactory.getLogger(CaseLines.class);

  private final CaseManagement cases;
  private final MessageSource messages;

  CaseLines(CaseManagement cases, MessageSource messages) {
    this.cases = cases;
    this.messages = messages;
  }

  /** The message was given up after {@code attempts} tries; {@code reason} is the last error. */
  void notSent(UUID caseId, String template, int attempts, String reason) {
    add(caseId, "notify.line.not-sent", label(template), attempts, reason);
  }

  /** A reply a member of staff wrote could not be emailed, for {@code reason}. */
  void replyNotSent(UUID caseId, String reason) {
    add(caseId, "notify.line.reply-not-sent", reason);
  }

  /** Notify reported that the message it sent did not arrive ({@code status} is its word). */
  void notDelivered(UUID caseId, String template, String channel, String status) {
    add(
        caseId,
        "notify.line.not-delivered",
        text("notify.channel." + channel),
        label(template),
        text("notify.receipt." + status));
  }

  private String label(String template) {
    return text("notify." + template + ".label");
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, code, Locale.UK);
  }

  private void add(UUID caseId, String code, Object... args) {
    String line = text(code, args);
    try {
      ServicePrincipal.call(
          NotificationDispatcher.PRINCIPAL,
          EnumSet.of(Permission.CONTACT_LOG),
          () -> {
            cases.recordMessage(
                new CaseId(caseId), line.length() > 4000 ? line.substring(0, 4000) : line);
            return null;
          });
    } catch (NotFoundException gone) {
      log.info("Case {} is no longer held; its message line was not written", caseId);
    }
  }
}
