// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.borough.cases.internal.CaseRepository;
import org.borough.cases.internal.CaseRow;
import org.borough.identity.StaffId;
import org.borough.identity.TeamId;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team and officer queues: active cases, the one due soonest first, a page at a time. A cursor (due
 * time and id of the last row) fetches the next page from the index, however deep.
 */
@Service
public class CaseQueues {

  public static final int PAGE_SIZE = 50;

  private final CaseRepository cases;
  private final CaseManagement management;
  private final Clock clock;

  CaseQueues(CaseRepository cases, CaseManagement management, Clock clock) {
    this.cases = cases;
    this.management = management;
    this.clock = clock;
  }

  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public QueuePage team(TeamId team, QueueFilter filter) {
    return page("team_id", team.value(), filter);
  }

  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public QueuePage officer(StaffId officer, QueueFilter filter) {
    return page("officer_id", officer.value(), filter);
  }

  private QueuePage page(String column, UUID owner, QueueFilter filter) {
    Instant now = clock.instant();
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (filter.status() != null) {
      where.append(" and status = ?");
      params.add(filter.status().name());
    }
    if (filter.serviceCode() != null && !filter.serviceCode().isBlank()) {
      where.append(" and service_code = ?");
      params.add(filter.serviceCode());
    }
    if (filter.sla() != null && !filter.sla().isBlank()) {
      switch (filter.sla()) {
        case "breached" -> {
          where.append(" and due_at < ? and sla_paused_at is null");
          params.add(java.sql.Timestamp.from(now));
        }
        case "at-risk" -> {
          where.append(" and sla_risk_at <= ? and due_at >= ? and sla_paused_at is null");
          params.add(java.sql.Timestamp.from(now));
          params.add(java.sql.Timestamp.from(now));
        }
        case "on-track" -> {
          where.append(" and (sla_risk_at > ? or sla_paused_at is not null)");
          params.add(java.sql.Timestamp.from(now));
        }
        default -> throw InvalidInputException.of("sla", "Choose on track, at risk or breached");
      }
    }
    Instant afterDue = null;
    UUID afterId = null;
    if (filter.after() != null && !filter.after().isBlank()) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(filter.after()), StandardCharsets.UTF_8)
                .split("/", 2);
        afterDue = Instant.parse(parts[0]);
        afterId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        throw InvalidInputException.of("after", "The page link is not valid; open the queue again");
      }
    }
    List<CaseRow> rows =
        cases.queue(column, owner, where.toString(), params, afterDue, afterId, PAGE_SIZE + 1);
    String next = null;
    if (rows.size() > PAGE_SIZE) {
      rows = rows.subList(0, PAGE_SIZE);
      CaseRow last = rows.get(PAGE_SIZE - 1);
      next =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((last.dueAt() + "/" + last.id()).getBytes(StandardCharsets.UTF_8));
    }
    return new QueuePage(rows.stream().map(r -> management.summary(r, now)).toList(), next);
  }
}
