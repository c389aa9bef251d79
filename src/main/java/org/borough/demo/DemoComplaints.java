// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.system.WorkingCalendar;

/**
 * The demo borough's complaints: about one in 400 resolved cases draws a complaint from its
 * reporter a few days later, which goes through stage 1 (most in time, a few extended, some late),
 * sometimes on to stage 2 and now and then to the Ombudsman, so that the complaints queue has work
 * in it and the annual report has figures for every year. Written in bulk like the cases they are
 * about, with the timeline lines the steps would have left; the clocks are the code's.
 */
final class DemoComplaints {

  static final String SERVICE = "complaint";
  static final String TEAM = "complaints";

  private static final String[] WHAT = {
    "Nobody came back to me although I was promised a call.",
    "The crew left a mess in the street after the job.",
    "It took far longer than I was told it would.",
    "I was given wrong information on the phone.",
    "The work was done badly and had to be done again.",
    "I reported this three times before anything happened.",
    "The officer who visited was rude to me.",
    "My case was closed without the problem being fixed."
  };
  private static final String[] EXTENSIONS = {
    "We are waiting for the contractor's records of the visits.",
    "We need to speak to the officers involved, one of whom is on leave.",
    "We are checking the history of earlier reports at this address."
  };

  private final long seed;
  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final Instant now;
  private final String prefix;

  DemoComplaints(long seed, WorkingCalendar calendar, Instant now, String prefix) {
    this.seed = seed;
    this.calendar = calendar;
    this.zone = calendar.zone();
    this.now = now;
    this.prefix = prefix;
  }

  /** How many complaints a demo borough of {@code cases} cases gets. */
  static long countFor(long cases) {
    return Math.min(3_000, Math.max(12, cases / 400));
  }

  /** A resolved case a complaint is about, as read back from the generated cases. */
  private record Source(
      UUID id, String reference, String service, UUID resident, Instant resolved) {}

  /**
   * Writes up to {@code count} complaints numbered from {@code firstNumber}, for the complaints
   * team; returns how many were written.
   */
  long write(Connection c, boolean postgres, long count, long firstNumber, UUID team)
      throws SQLException {
    Random r = Seeds.random(seed, Seeds.COMPLAINTS, 0);
    List<Source> sources = sources(c, count);
    long written = 0;
    try (BulkInsert cases = StatutoryCaseRows.cases(c, postgres);
        BulkInsert words = StatutoryCaseRows.words(c, postgres);
        BulkInsert timeline = StatutoryCaseRows.timeline(c, postgres);
        BulkInsert complaints =
            new BulkInsert(
                c,
                postgres,
                "complaint",
                """
                case_id uuid, reference text, received_at timestamptz, about_service text,
                ombudsman text, ombudsman_referred_on date, ombudsman_reference text
                """);
        BulkInsert stages =
            new BulkInsert(
                c,
                postgres,
                "complaint_stage",
                """
                case_id uuid, stage integer, started_at timestamptz, acknowledge_by timestamptz,
                acknowledged_at timestamptz, respond_by timestamptz, first_respond_by timestamptz,
                extension_reason text, responded_at timestamptz, outcome text
                """);
        BulkInsert links =
            new BulkInsert(
                c,
                postgres,
                "complaint_link",
                "case_id uuid, linked_case_id uuid, linked_reference text")) {
      for (Source s : sources) {
        LocalDate received = calendar.addWorkingDays(day(s.resolved()), 1 + r.nextInt(8));
        Instant openedAt = at(received, 9 + r.nextInt(7));
        if (!openedAt.isBefore(now)) {
          continue;
        }
        UUID id = UUID.randomUUID();
        String reference =
            String.format("%s-%d-%06d", prefix, received.getYear(), firstNumber + written);
        List<Object[]> lines = new ArrayList<>();
        lines.add(
            StatutoryCaseRows.line(
                openedAt, "CREATED", null, CaseStatus.NEW, "Complaint received"));
        Stage one = stage(r, 1, openedAt, lines, CaseStatus.NEW);
        Stage two = null;
        if (one.respondedAt != null && r.nextDouble() < 0.2) {
          Instant escalated =
              at(calendar.addWorkingDays(day(one.respondedAt), 2 + r.nextInt(10)), 10);
          if (escalated.isBefore(now)) {
            lines.add(
                StatutoryCaseRows.line(
                    escalated,
                    "STATUS",
                    CaseStatus.RESOLVED,
                    CaseStatus.OPEN,
                    "Escalated to stage 2: the resident is not satisfied with the response"));
            two = stage(r, 2, escalated, lines, CaseStatus.OPEN);
          }
        }
        Stage last = two != null ? two : one;
        String ombudsman = null;
        LocalDate referredOn = null;
        if (two != null && two.respondedAt != null && r.nextDouble() < 0.25) {
          LocalDate on = day(two.respondedAt).plusDays(20 + r.nextInt(40));
          if (on.isBefore(day(now))) {
            ombudsman = s.service().equals("housing-repair") ? "HOUSING" : "LGSCO";
            referredOn = on;
          }
        }
        CaseStatus status =
            last.respondedAt == null
                ? (last.acknowledgedAt == null && two == null ? CaseStatus.NEW : CaseStatus.OPEN)
                : CaseStatus.RESOLVED;
        Instant closedAt = null;
        if (status == CaseStatus.RESOLVED
            && last.respondedAt.plusSeconds(28L * 86_400).isBefore(now)) {
          closedAt = last.respondedAt.plusSeconds(28L * 86_400);
          lines.add(
              StatutoryCaseRows.line(
                  closedAt, "STATUS", CaseStatus.RESOLVED, CaseStatus.CLOSED, null));
          status = CaseStatus.CLOSED;
        }
        Instant judged = last.respondedAt != null ? last.respondedAt : now;
        Instant updated = openedAt;
        for (Object[] l : lines) {
          timeline.add(id, l[0], "complaints", l[1], l[2], l[3], l[4], l[5]);
          updated = (Instant) l[0];
        }
        String description = WHAT[r.nextInt(WHAT.length)] + " (about " + s.reference() + ")";
        StatutoryCaseRows.index(words, id, openedAt, reference, description, null);
        cases.add(
            id,
            reference,
            SERVICE,
            s.resident(),
            description,
            "NORMAL",
            status.name(),
            team,
            r.nextBoolean() ? "EMAIL" : r.nextBoolean() ? "WEB" : "PHONE",
            openedAt,
            one.acknowledgedAt,
            last.respondedAt,
            closedAt,
            last.respondBy,
            last.respondBy,
            judged.isAfter(last.respondBy) ? last.respondBy : null,
            two != null ? 1 : 0,
            updated,
            lines.size());
        complaints.add(
            id,
            reference,
            openedAt,
            s.service(),
            ombudsman,
            referredOn,
            referredOn == null
                ? null
                : String.format(
                    "%02d %03d %03d", received.getYear() % 100, r.nextInt(1000), r.nextInt(1000)));
        for (Stage st : two == null ? List.of(one) : List.of(one, two)) {
          stages.add(
              id,
              st.number,
              st.startedAt,
              st.acknowledgeBy,
              st.acknowledgedAt,
              st.respondBy,
              st.firstRespondBy,
              st.extensionReason,
              st.respondedAt,
              st.outcome);
        }
        links.add(id, s.id(), s.reference());
        written++;
      }
      // Parents first: the complaint rows point at the cases, the stages at the complaints.
      cases.flush();
      words.flush();
      timeline.flush();
      complaints.flush();
      stages.flush();
      links.flush();
    }
    return written;
  }

  /** One stage as the demo plays it: mostly on time, sometimes extended, now and then late. */
  private static final class Stage {
    int number;
    Instant startedAt;
    Instant acknowledgeBy;
    Instant acknowledgedAt;
    Instant respondBy;
    Instant firstRespondBy;
    String extensionReason;
    Instant respondedAt;
    String outcome;
  }

  private Stage stage(
      Random r, int number, Instant startedAt, List<Object[]> lines, CaseStatus from) {
    Stage s = new Stage();
    s.number = number;
    s.startedAt = startedAt;
    LocalDate start = day(startedAt);
    int days = number == 1 ? 10 : 20;
    s.acknowledgeBy = calendar.endOfWorkingDay(calendar.addWorkingDays(start, 5));
    s.respondBy = calendar.endOfWorkingDay(calendar.addWorkingDays(start, days));
    s.firstRespondBy = s.respondBy;
    Instant acknowledged =
        at(calendar.addWorkingDays(start, r.nextDouble() < 0.9 ? 1 + r.nextInt(4) : 6), 11);
    if (acknowledged.isBefore(now)) {
      s.acknowledgedAt = acknowledged;
      lines.add(
          StatutoryCaseRows.line(
              acknowledged, "REPLY", null, null, "Complaint acknowledged at stage " + number));
      if (number == 1) {
        lines.add(
            StatutoryCaseRows.line(
                acknowledged.plusSeconds(1), "STATUS", from, CaseStatus.OPEN, null));
      }
    }
    int answeredAfter;
    double roll = r.nextDouble();
    if (roll < 0.12) {
      LocalDate extended = calendar.addWorkingDays(day(s.respondBy), number == 1 ? 5 : 10);
      s.extensionReason = EXTENSIONS[r.nextInt(EXTENSIONS.length)];
      s.respondBy = calendar.endOfWorkingDay(extended);
      Instant told = at(calendar.addWorkingDays(start, days - 2), 15);
      if (told.isBefore(now)) {
        lines.add(
            StatutoryCaseRows.line(
                told, "REPLY", null, null, "More time needed: " + s.extensionReason));
      }
      answeredAfter = days + (number == 1 ? 3 : 8);
    } else if (roll < 0.25) {
      answeredAfter = days + 1 + r.nextInt(6); // late
    } else {
      answeredAfter = Math.max(3, days - r.nextInt(days / 2));
    }
    Instant answered = at(calendar.addWorkingDays(start, answeredAfter), 14);
    if (answered.isBefore(now) && s.acknowledgedAt != null) {
      s.respondedAt = answered;
      double o = r.nextDouble();
      s.outcome = o < 0.3 ? "UPHELD" : o < 0.6 ? "PARTLY_UPHELD" : "NOT_UPHELD";
      lines.add(
          StatutoryCaseRows.line(
              answered, "REPLY", null, null, "Stage " + number + " response sent"));
      lines.add(
          StatutoryCaseRows.line(
              answered.plusSeconds(1),
              "STATUS",
              CaseStatus.OPEN,
              CaseStatus.RESOLVED,
              "Stage " + number + " response sent"));
    }
    return s;
  }

  /**
   * Resolved cases with a reporter, spread evenly over the whole period, to complain about: every
   * k-th of them, read as a stream so that millions of cases are never held at once.
   */
  private static List<Source> sources(Connection c, long count) throws SQLException {
    String where =
        " from service_case where resident_id is not null and resolved_at is not null"
            + " and service_code <> ?";
    long resolved;
    try (PreparedStatement p = c.prepareStatement("select count(*)" + where)) {
      p.setString(1, SERVICE);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        resolved = rs.getLong(1);
      }
    }
    List<Source> picked = new ArrayList<>();
    long step = Math.max(1, resolved / Math.max(1, count));
    try (PreparedStatement p =
        c.prepareStatement(
            "select id, reference, service_code, resident_id, resolved_at"
                + where
                + " order by opened_at")) {
      p.setString(1, SERVICE);
      p.setFetchSize(1_000);
      try (ResultSet rs = p.executeQuery()) {
        for (long row = 0; rs.next() && picked.size() < count; row++) {
          if (row % step == 0) {
            picked.add(
                new Source(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, UUID.class),
                    rs.getTimestamp(5).toInstant()));
          }
        }
      }
    }
    return picked;
  }

  private LocalDate day(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  private Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
  }
}
