// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.CaseRetention;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.contacts.ContactLog;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.system.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The retention schedule: how long each kind of personal data is kept, what is due now (the dry
 * run), and the nightly pass that makes it anonymous, in batches that each commit on their own.
 * Cases keep what statistics need, as after an erasure; so do contacts.
 */
@Service
public class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
  static final int BATCH = 500;
  static final int EXAMPLES = 5;

  private final RetentionProperties properties;
  private final ServiceCatalogue catalogue;
  private final CaseRetention cases;
  private final ContactLog contacts;
  private final AuditLog audit;
  private final ZoneId zone;
  private final Clock clock;

  RetentionSchedule(
      RetentionProperties properties,
      ServiceCatalogue catalogue,
      CaseRetention cases,
      ContactLog contacts,
      AuditLog audit,
      WorkingCalendar calendar,
      Clock clock) {
    this.properties = properties;
    this.catalogue = catalogue;
    this.cases = cases;
    this.contacts = contacts;
    this.audit = audit;
    this.zone = calendar.zone();
    this.clock = clock;
  }

  /**
   * One line of the schedule.
   *
   * @param service the service's code, or null for a line that is not a service's cases
   * @param period how long, or null when it is not a period (kept, or minutes)
   */
  public record Line(String what, String service, Period period, String kept, String then) {}

  /** One line of a dry run or a pass: how many records it reached, with a few examples. */
  public record Due(Line line, long count, List<String> examples) {}

  /** The whole schedule, as the public privacy page and the record of processing show it. */
  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    for (ServiceDefinition s : catalogue.services()) {
      Period p = properties.forService(s.code());
      lines.add(
          new Line(
              "Reports and cases: " + s.name(),
              s.code(),
              p,
              "for " + words(p) + " after the case is closed",
              "the reporter, the description, the address, the answers, the notes and the"
                  + " photos are removed; the case is kept without them for statistics"));
    }
    lines.add(
        new Line(
            "Contacts with the council (calls, visits, emails)",
            null,
            properties.contacts(),
            "for " + words(properties.contacts()),
            "who it was and what was said are removed; the time, channel and outcome are kept"
                + " for statistics"));
    lines.add(
        new Line(
            "Sign-in links sent to residents",
            null,
            null,
            "until used or until they expire (minutes)",
            "deleted"));
    lines.add(
        new Line(
            "Record of who looked at or changed personal data (the audit log)",
            null,
            null,
            "kept: it is how the council proves who did what with your data",
            "readable only by the council's auditors and data protection officer"));
    return lines;
  }

  /** What the schedule would take now, line by line (no change made). */
  @PreAuthorize("hasAuthority('ERASURE')")
  public List<Due> dryRun() {
    Instant now = clock.instant();
    List<Due> due = new ArrayList<>();
    for (Line line : lines()) {
      if (line.service() != null) {
        Instant cutoff = cutoff(now, line.period());
        due.add(
            new Due(
                line,
                cases.countDue(line.service(), cutoff),
                cases.referencesDue(line.service(), cutoff, EXAMPLES)));
      } else if (line.period() != null) {
        due.add(
            new Due(line, contacts.countDueForRetention(cutoff(now, line.period())), List.of()));
      }
    }
    return due;
  }

  /** Applies the schedule now; returns what each line took. */
  @PreAuthorize("hasAuthority('ERASURE')")
  public List<Due> apply() {
    Instant now = clock.instant();
    List<Due> done = new ArrayList<>();
    long total = 0;
    for (Line line : lines()) {
      long n = 0;
      if (line.service() != null) {
        Instant cutoff = cutoff(now, line.period());
        int batch;
        do {
          batch = cases.anonymiseDue(line.service(), cutoff, BATCH);
          n += batch;
        } while (batch == BATCH);
      } else if (line.period() != null) {
        n = contacts.anonymiseDueForRetention(cutoff(now, line.period()));
      } else {
        continue;
      }
      done.add(new Due(line, n, List.of()));
      total += n;
    }
    audit.record(
        AuditAction.DELETE, "retention", "schedule", "applied: " + total + " records anonymised");
    log.info("Retention schedule applied: {} records anonymised", total);
    return done;
  }

  @Scheduled(
      cron = "${borough.retention.cron:0 15 3 * * *}",
      zone = "${borough.zone:Europe/London}")
  @SchedulerLock(name = "retention-schedule")
  void nightly() {
    if (properties.enabled()) {
      ServicePrincipal.call("retention", Set.of(Permission.ERASURE), this::apply);
    }
  }

  private Instant cutoff(Instant now, Period period) {
    return now.atZone(zone).minus(period).toInstant();
  }

  /** "6 years", "18 months", "2 years and 6 months". */
  static String words(Period p) {
    List<String> parts = new ArrayList<>();
    if (p.getYears() > 0) {
      parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
    }
    if (p.getMonths() > 0) {
      parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
    }
    if (p.getDays() > 0 || parts.isEmpty()) {
      parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
    }
    return String.join(" and ", parts);
  }
}
