// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.cases.SlaAtRisk;
import org.borough.cases.SlaBreached;
import org.borough.cases.SlaState;
import org.borough.identity.Permission;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.TeamId;
import org.borough.system.InvalidInputException;
import org.borough.system.UkFormats;
import org.borough.system.WorkingCalendar;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff alerts: when a case goes at risk or breaches its SLA, the officer it is assigned to and the
 * supervisors of its team hear of it — every member of the team who works cases when nobody is
 * assigned — once per case, state and deadline. Alerts are written in the SLA watch's own
 * transaction, so a case marked is a case alerted; they show on the console's alerts page, with a
 * count in its header, and go by email as each arrives, as a daily digest, or not at all, as each
 * member of staff chooses ({@link StaffAlertMail}).
 */
@Component
public class StaffAlerts {

  /** How a member of staff hears of alerts by email. */
  public enum Frequency {
    EACH,
    DAILY,
    NONE
  }

  /** One alert to one member of staff; {@code readAt} null until they open their alerts. */
  public record Alert(
      long id,
      UUID staffId,
      UUID caseId,
      String reference,
      SlaState state,
      Instant dueAt,
      Instant raisedAt,
      Instant readAt) {

    public boolean unread() {
      return readAt == null;
    }
  }

  /** Where and how often alerts are emailed. */
  public record Setting(String email, Frequency frequency) {}

  /** How many alerts the page lists. */
  public static final int SHOWN = 100;

  private final StaffAlertRepository repository;
  private final StaffDirectory staff;
  private final WorkingCalendar calendar;
  private final Clock clock;

  StaffAlerts(
      StaffAlertRepository repository,
      StaffDirectory staff,
      WorkingCalendar calendar,
      Clock clock) {
    this.repository = repository;
    this.staff = staff;
    this.calendar = calendar;
    this.clock = clock;
  }

  @EventListener
  void atRisk(SlaAtRisk e) {
    raise(
        e.caseId(),
        e.reference(),
        e.teamId(),
        e.officerId(),
        SlaState.AT_RISK,
        e.dueAt(),
        e.detectedAt());
  }

  @EventListener
  void breached(SlaBreached e) {
    raise(
        e.caseId(),
        e.reference(),
        e.teamId(),
        e.officerId(),
        SlaState.BREACHED,
        e.dueAt(),
        e.detectedAt());
  }

  private void raise(
      CaseId caseId,
      String reference,
      UUID team,
      UUID officer,
      SlaState state,
      Instant due,
      Instant at) {
    for (UUID who : recipients(team, officer)) {
      repository.raise(who, caseId.value(), reference, state, due, at);
    }
  }

  /** The officer and the team's supervisors; the team's caseworkers too when nobody is assigned. */
  Set<UUID> recipients(UUID team, UUID officer) {
    Set<UUID> who = new LinkedHashSet<>();
    if (officer != null) {
      staff.findStaff(new StaffId(officer)).filter(Staff::enabled).ifPresent(s -> who.add(officer));
    }
    if (team != null) {
      for (Staff member : staff.membersOf(new TeamId(team))) {
        boolean supervises = member.roles().contains(Role.SUPERVISOR);
        boolean works = officer == null && member.can(Permission.CASE_WORK);
        if (member.enabled() && (supervises || works)) {
          who.add(member.id().value());
        }
      }
    }
    return who;
  }

  /**
   * The signed-in member of staff's unread alerts, for the console's menu; 0 when they cannot be
   * counted, so that a page (an error page while the database is down, say) is still drawn.
   */
  public int unreadCount() {
    try {
      return staff.current().map(s -> repository.unread(s.id().value())).orElse(0);
    } catch (org.springframework.dao.DataAccessException e) {
      return 0;
    }
  }

  /** Their latest alerts, newest first; opening them marks them read. */
  @Transactional
  public List<Alert> open() {
    UUID me = me();
    List<Alert> latest = repository.latest(me, SHOWN);
    repository.markRead(me, clock.instant());
    return latest;
  }

  /** How the signed-in member of staff hears of alerts by email; none until they choose. */
  public Optional<Setting> setting() {
    return repository.setting(me());
  }

  /**
   * Saves how the signed-in member of staff hears by email.
   *
   * @throws InvalidInputException under email or frequency
   */
  @Transactional
  public Setting choose(String email, String frequency) {
    Map<String, String> errors = new LinkedHashMap<>();
    Frequency f = null;
    try {
      f = frequency == null ? null : Frequency.valueOf(frequency);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (f == null) {
      errors.put("frequency", "Select how often you want to be emailed");
    }
    String address = email == null ? "" : email.strip();
    Optional<String> valid = UkFormats.email(address);
    if ((f != Frequency.NONE || !address.isEmpty()) && valid.isEmpty()) {
      errors.put(
          "email",
          address.isEmpty()
              ? "Enter the email address to send alerts to"
              : "Enter an email address in the correct format, like name@example.gov.uk");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Setting chosen = new Setting(valid.orElse(""), f);
    Instant now = clock.instant();
    repository.save(me(), chosen, now, LocalDate.ofInstant(now, calendar.zone()));
    return chosen;
  }

  private UUID me() {
    return staff.current().orElseThrow().id().value();
  }
}
