// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.system.WorkingCalendar;

/**
 * The demo borough's requests for information: about one for every thousand cases, spread over the
 * period, most under FOI and some under the EIR, a few clarified or extended, most answered in
 * time, some published on the disclosure log and now and then reviewed. Written in bulk like the
 * cases, with the timeline lines the steps would have left; the clocks are the law's.
 */
final class DemoInformationRequests {

  static final String FOI = "foi-request";
  static final String EIR = "eir-request";

  /** What was asked (and the disclosure log's title), whether environmental, and the answer. */
  private record Topic(String title, boolean environmental, String answer) {}

  private static final Topic[] TOPICS = {
    new Topic(
        "Spending on agency staff in each of the last three financial years",
        false,
        "The figures for each year are set out below, by directorate."),
    new Topic(
        "Contracts for the support of the council's CRM and data warehouse",
        false,
        "The contracts are published on our contracts register; the day rates are withheld."),
    new Topic(
        "Households in temporary accommodation and what it cost",
        false,
        "The numbers of households at the end of each quarter and the cost are below."),
    new Topic(
        "Penalty charge notices issued by street",
        false,
        "A table of penalty charge notices by street and month is attached."),
    new Topic(
        "Air quality readings from the monitoring stations",
        true,
        "The hourly readings for each station are published as open data; a link is below."),
    new Topic(
        "Fly-tipping incidents and fixed penalty notices",
        true,
        "The incidents recorded and the notices issued each month are below."),
    new Topic(
        "Trees felled in council parks and the reasons",
        true,
        "The trees felled, the park and the reason recorded by the arboriculture team are below."),
    new Topic(
        "Potholes reported and repaired on borough roads",
        true,
        "The reports and repairs by ward and month are below.")
  };

  private final long seed;
  private final WorkingCalendar calendar;
  private final Instant now;
  private final String prefix;

  DemoInformationRequests(long seed, WorkingCalendar calendar, Instant now, String prefix) {
    this.seed = seed;
    this.calendar = calendar;
    this.now = now;
    this.prefix = prefix;
  }

  static long countFor(long cases) {
    return Math.min(2_000, Math.max(8, cases / 1_000));
  }

  /** Writes up to {@code count} requests numbered from {@code firstNumber}; returns how many. */
  long write(Connection c, boolean postgres, long count, long firstNumber, UUID team, Instant from)
      throws SQLException {
    Random r = Seeds.random(seed, Seeds.INFORMATION_REQUESTS, 0);
    List<UUID> requesters = requesters(c, count);
    long written = 0;
    long span = Duration.between(from, now).toSeconds();
    try (BulkInsert cases = StatutoryCaseRows.cases(c, postgres);
        BulkInsert words = StatutoryCaseRows.words(c, postgres);
        BulkInsert timeline = StatutoryCaseRows.timeline(c, postgres);
        BulkInsert rows =
            new BulkInsert(
                c,
                postgres,
                "information_request",
                """
                case_id uuid, reference text, regime text, received_at timestamptz,
                due_by timestamptz, first_due_by timestamptz, extension_reason text,
                responded_at timestamptz, outcome text, exemptions text, log_title text,
                log_text text, review_requested_at timestamptz, review_due_by timestamptz,
                reviewed_at timestamptz, review_outcome text
                """)) {
      for (int i = 0; i < requesters.size(); i++) {
        // Every third an environmental request, as in councils' own logs.
        boolean environmental = i % 3 == 2;
        List<Topic> topics =
            java.util.Arrays.stream(TOPICS)
                .filter(t -> t.environmental() == environmental)
                .toList();
        Topic topic = topics.get(r.nextInt(topics.size()));
        // Spread evenly over the period, the last ones recent enough to be still open.
        Instant received =
            at(day(from.plusSeconds(span * (i + 1) / (requesters.size() + 1))), 9 + r.nextInt(7));
        if (!received.isBefore(now)) {
          continue;
        }
        UUID id = UUID.randomUUID();
        String reference =
            String.format("%s-%d-%06d", prefix, day(received).getYear(), firstNumber + written);
        String regime = topic.environmental() ? "EIR" : "FOI";
        Instant due = after(received, 20);
        Instant firstDue = due;
        String extension = null;
        if (r.nextDouble() < 0.1) {
          extension =
              topic.environmental()
                  ? "The request is complex and voluminous: it covers several years of records."
                  : "We are considering the public interest in s.43 commercial interests.";
          due = after(firstDue, 10);
        }
        int answeredAfter = r.nextDouble() < 0.85 ? 8 + r.nextInt(12) : 21 + r.nextInt(8);
        if (extension != null) {
          answeredAfter = 25;
        }
        Instant responded = at(calendar.addWorkingDays(day(received), answeredAfter), 14);
        List<Object[]> lines = new ArrayList<>();
        lines.add(
            StatutoryCaseRows.line(received, "CREATED", null, CaseStatus.NEW, "Request received"));
        Instant opened = received.plusSeconds(3_600);
        if (opened.isBefore(now)) {
          lines.add(
              StatutoryCaseRows.line(opened, "STATUS", CaseStatus.NEW, CaseStatus.OPEN, null));
        }
        String outcome = null;
        String exemptions = null;
        String title = null;
        String text = null;
        Instant reviewAsked = null;
        Instant reviewDue = null;
        Instant reviewed = null;
        String reviewOutcome = null;
        CaseStatus status = opened.isBefore(now) ? CaseStatus.OPEN : CaseStatus.NEW;
        Instant resolved = null;
        if (responded.isBefore(now) && opened.isBefore(now)) {
          double o = r.nextDouble();
          outcome =
              o < 0.55 ? "RELEASED" : o < 0.8 ? "PART_RELEASED" : o < 0.9 ? "REFUSED" : "NOT_HELD";
          if (outcome.equals("PART_RELEASED") || outcome.equals("REFUSED")) {
            exemptions = topic.environmental() ? "R12_5_E" : r.nextBoolean() ? "S43" : "S40,S43";
          }
          if (!outcome.equals("NOT_HELD") && r.nextDouble() < 0.5) {
            title = topic.title();
            text = topic.answer();
          }
          lines.add(
              StatutoryCaseRows.line(
                  responded, "REPLY", null, null, "Response sent: " + topic.answer()));
          lines.add(
              StatutoryCaseRows.line(
                  responded.plusSeconds(1),
                  "STATUS",
                  CaseStatus.OPEN,
                  CaseStatus.RESOLVED,
                  "Answered"));
          status = CaseStatus.RESOLVED;
          resolved = responded;
          Instant asked = at(calendar.addWorkingDays(day(responded), 5 + r.nextInt(20)), 10);
          if (!outcome.equals("RELEASED") && r.nextDouble() < 0.3 && asked.isBefore(now)) {
            reviewAsked = asked;
            reviewDue = after(asked, 20);
            lines.add(
                StatutoryCaseRows.line(
                    asked,
                    "STATUS",
                    CaseStatus.RESOLVED,
                    CaseStatus.OPEN,
                    "Internal review asked for"));
            status = CaseStatus.OPEN;
            resolved = null;
            Instant done = at(calendar.addWorkingDays(day(asked), 10 + r.nextInt(12)), 15);
            if (done.isBefore(now)) {
              reviewed = done;
              reviewOutcome = r.nextDouble() < 0.7 ? "UPHELD" : "PARTLY_OVERTURNED";
              lines.add(
                  StatutoryCaseRows.line(
                      done, "REPLY", null, null, "Internal review's response sent"));
              lines.add(
                  StatutoryCaseRows.line(
                      done.plusSeconds(1),
                      "STATUS",
                      CaseStatus.OPEN,
                      CaseStatus.RESOLVED,
                      "Answered: internal review"));
              status = CaseStatus.RESOLVED;
              resolved = done;
            }
          }
        } else {
          responded = null;
        }
        Instant caseDue = reviewDue != null ? reviewDue : due;
        Instant judged = resolved != null ? resolved : now;
        Instant updated = received;
        for (Object[] l : lines) {
          timeline.add(id, l[0], "complaints", l[1], l[2], l[3], l[4], l[5]);
          updated = (Instant) l[0];
        }
        String description =
            "Please send me: " + topic.title().toLowerCase(java.util.Locale.UK) + ".";
        StatutoryCaseRows.index(words, id, received, reference, description, null);
        cases.add(
            id,
            reference,
            topic.environmental() ? EIR : FOI,
            requesters.get(i),
            description,
            "NORMAL",
            status.name(),
            team,
            r.nextBoolean() ? "EMAIL" : "WEB",
            received,
            opened.isBefore(now) ? opened : null,
            status == CaseStatus.RESOLVED ? resolved : null,
            null,
            caseDue,
            caseDue,
            judged.isAfter(caseDue) ? caseDue : null,
            reviewAsked != null ? 1 : 0,
            updated,
            lines.size());
        rows.add(
            id,
            reference,
            regime,
            received,
            due,
            firstDue,
            extension,
            responded,
            outcome,
            exemptions,
            title,
            text,
            reviewAsked,
            reviewDue,
            reviewed,
            reviewOutcome);
        written++;
      }
      // Parents first: the requests and the timelines point at the cases.
      cases.flush();
      words.flush();
      timeline.flush();
      rows.flush();
    }
    return written;
  }

  /** Residents to make the requests, spread over those registered. */
  private static List<UUID> requesters(Connection c, long count) throws SQLException {
    long residents;
    try (PreparedStatement p = c.prepareStatement("select count(*) from resident");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      residents = rs.getLong(1);
    }
    List<UUID> picked = new ArrayList<>();
    long step = Math.max(1, residents / Math.max(1, count));
    try (PreparedStatement p = c.prepareStatement("select id from resident order by id")) {
      p.setFetchSize(1_000);
      try (ResultSet rs = p.executeQuery()) {
        for (long row = 0; rs.next() && picked.size() < count; row++) {
          if (row % step == 0) {
            picked.add(rs.getObject(1, UUID.class));
          }
        }
      }
    }
    return picked;
  }

  private Instant after(Instant from, int workingDays) {
    return calendar.endOfWorkingDay(calendar.addWorkingDays(day(from), workingDays));
  }

  private LocalDate day(Instant at) {
    return at.atZone(calendar.zone()).toLocalDate();
  }

  private Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(calendar.zone()).toInstant();
  }
}
