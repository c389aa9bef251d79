// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each mailbox is doing, for the administrator: when it was last read, what went wrong, how
 * many emails wait because they could not be taken in, and what became of those taken in the last
 * 30 days. Never the password.
 */
@Service
public class MailboxStatus {

  /**
   * One mailbox.
   *
   * @param polledAt when it was last read, or null if never
   * @param problem what went wrong at the last poll, or null
   * @param waiting unread emails that could not be taken in at the last poll
   */
  public record State(
      String name,
      String host,
      String folder,
      String service,
      Instant polledAt,
      String problem,
      int waiting,
      long newCases,
      long addedToCases,
      long ignored) {}

  private static final Duration RECENT = Duration.ofDays(30);

  private final MailboxSettings settings;
  private final InboundEmailRepository emails;
  private final Clock clock;

  MailboxStatus(MailboxSettings settings, InboundEmailRepository emails, Clock clock) {
    this.settings = settings;
    this.emails = emails;
    this.clock = clock;
  }

  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional(readOnly = true)
  public List<State> all() {
    Instant since = clock.instant().minus(RECENT);
    return settings.all().entrySet().stream()
        .map(
            e -> {
              Mailbox box = e.getValue();
              var poll = emails.lastPoll(e.getKey());
              Map<String, Long> counts = emails.outcomesSince(e.getKey(), since);
              return new State(
                  e.getKey(),
                  box.protocol() + "://" + box.host() + ":" + box.portOrDefault(),
                  box.folder(),
                  box.service(),
                  poll.map(InboundEmailRepository.Poll::at).orElse(null),
                  poll.map(InboundEmailRepository.Poll::problem).orElse(null),
                  poll.map(InboundEmailRepository.Poll::waiting).orElse(0),
                  counts.getOrDefault(EmailIntake.Outcome.NEW_CASE.name(), 0L),
                  counts.getOrDefault(EmailIntake.Outcome.ADDED_TO_CASE.name(), 0L),
                  counts.getOrDefault(EmailIntake.Outcome.IGNORED.name(), 0L));
            })
        .toList();
  }
}
