// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The threads of emails between a case's reporter and the council. Borough's own emails about a
 * case carry a Message-ID that names the case ({@code <case-<id>.<random>@<domain>>}), so a
 * resident's answer finds its case by its In-Reply-To or References even when its subject no longer
 * quotes the reference; and Borough's reply names the resident's latest email, so their mail
 * program shows one conversation.
 */
@Service
public class EmailThreads {

  private static final Pattern OURS =
      Pattern.compile(
          "<case-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.[^@<>]+@[^<>]+>");

  private final InboundEmailRepository emails;

  EmailThreads(InboundEmailRepository emails) {
    this.emails = emails;
  }

  /** A new Message-ID for an email about the case, at the council's mail domain. */
  public static String newMessageId(CaseId caseId, UUID message, String domain) {
    return "<case-" + caseId.value() + "." + message + "@" + domain + ">";
  }

  /** The case the first of these Message-IDs that is one of Borough's names, if any does. */
  static Optional<CaseId> caseOf(List<String> messageIds) {
    for (String id : messageIds) {
      Matcher m = OURS.matcher(id);
      if (m.matches()) {
        return Optional.of(new CaseId(UUID.fromString(m.group(1))));
      }
    }
    return Optional.empty();
  }

  /** The Message-ID of the reporter's latest email taken into the case (kept 30 days). */
  @Transactional(readOnly = true)
  public Optional<String> latestFromResident(CaseId caseId) {
    return emails.latestMessageId(caseId.value());
  }
}
