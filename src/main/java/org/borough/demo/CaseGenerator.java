// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.cases.SlaClock;
import org.borough.catalogue.Priority;
import org.borough.catalogue.SlaPolicy;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.demo.DemoCatalogue.Question;
import org.borough.demo.DemoCatalogue.ServiceSpec;
import org.borough.residents.Channel;
import org.borough.system.DatabaseProducts;

/**
 * Cases with their answers, timelines and contacts, and the contacts that needed no case. Case
 * {@code k} of {@code n} is opened in order of time, so its reference number follows the case
 * before it; volumes grow over the period, services follow the seasons, and the channel mix shifts
 * from phone to web and apps. Each case is lived through from opening to closing — first response,
 * hold, notes, chasers, resolution, reopening — and what had happened by now is kept.
 */
final class CaseGenerator {

  /** A team and the caseworkers who can be assigned its cases. */
  record TeamInfo(UUID id, String name, List<Member> caseworkers) {}

  record Member(UUID id, String username, String displayName) {}

  /** Who the generated staff are, for actors and assignments. */
  record Staffing(Map<String, TeamInfo> teams, List<String> agents, String supervisor) {}

  // Channel mix at the start and end of the period: phone gives way to web and apps.
  private static final Channel[] CHANNELS = {
    Channel.PHONE,
    Channel.WEB,
    Channel.EMAIL,
    Channel.FACE_TO_FACE,
    Channel.LETTER,
    Channel.APP,
    Channel.SOCIAL
  };
  private static final double[] MIX_START = {0.48, 0.22, 0.12, 0.08, 0.03, 0.05, 0.02};
  private static final double[] MIX_END = {0.28, 0.40, 0.08, 0.03, 0.01, 0.16, 0.04};
  private static final double GROWTH = 0.6;
  private static final double CONTACTS_WITHOUT_CASE = 0.6;

  private static final String[] CANCEL_REASONS = {
    "Cancelled: the resident withdrew the request",
    "Cancelled: reported in error",
    "Cancelled: not the council's responsibility; the resident was told who to contact",
    "Cancelled: the problem had already been fixed"
  };
  private static final String[] NOTES = {
    "Site visit booked.",
    "Passed to the contractor.",
    "Inspected: work order raised.",
    "Checked the history: first report at this location.",
    "Called the resident, no answer; left a message.",
    "Photos received and added to the job.",
    "Work order chased with the contractor."
  };
  private static final String[] CHASES = {
    "Resident chased progress",
    "Resident asked when it will be done",
    "Resident says the problem is getting worse",
    "Resident asked for an update"
  };
  private static final String[] CALLS = {
    "Called the resident to arrange a visit",
    "Called to confirm the work is done",
    "Called to ask for more details"
  };
  private static final String[][] ENQUIRIES = {
    {"RESOLVED_AT_FIRST_CONTACT", "Asked for their bin collection day"},
    {"RESOLVED_AT_FIRST_CONTACT", "Asked for a copy of their council tax bill"},
    {"RESOLVED_AT_FIRST_CONTACT", "Made a council tax payment by card"},
    {"RESOLVED_AT_FIRST_CONTACT", "Updated their direct debit date"},
    {"RESOLVED_AT_FIRST_CONTACT", "Booked a visitor parking session"},
    {"INFORMATION_GIVEN", "Asked about the opening hours of the recycling centre"},
    {"INFORMATION_GIVEN", "Asked what can go in the recycling bin"},
    {"INFORMATION_GIVEN", "Asked how to apply for a school place"},
    {"INFORMATION_GIVEN", "Asked about the garden waste subscription"},
    {"INFORMATION_GIVEN", "Asked how to pay a penalty charge notice"},
    {"INFORMATION_GIVEN", "Asked about the housing register"},
    {"INFORMATION_GIVEN", "Pointed to the online form for a blue badge"},
    {"REFERRED", "Referred to Citizens Advice for debt advice"},
    {"REFERRED", "Referred to the DWP about Universal Credit"},
    {"REFERRED", "Referred to the housing association that manages the block"},
    {"REFERRED", "Referred to Thames Water about a leak in the street"},
    {"NO_ACTION", "Wrong number"},
    {"NO_ACTION", "Call dropped before the caller gave details"},
    {"NO_ACTION", "Asked for a service the council does not provide"}
  };

  private final long seed;
  private final long total;
  private final long firstNumber;
  private final String prefix;
  private final Instant periodStart;
  private final Instant now;
  private final ZoneId zone;
  private final ResidentGenerator residents;
  private final Places places;
  private final List<ServiceSpec> services;
  private final double[][] cumulativeByMonth;
  private final Staffing staffing;
  private final SlaClock sla;
  private final WorkingTime work;

  CaseGenerator(
      long seed,
      long total,
      long firstNumber,
      String prefix,
      Instant periodStart,
      Instant now,
      ZoneId zone,
      ResidentGenerator residents,
      Places places,
      List<ServiceSpec> services,
      Staffing staffing,
      SlaClock sla,
      WorkingTime work) {
    this.seed = seed;
    this.total = total;
    this.firstNumber = firstNumber;
    this.prefix = prefix;
    this.periodStart = periodStart;
    this.now = now;
    this.zone = zone;
    this.residents = residents;
    this.places = places;
    this.services = services;
    this.staffing = staffing;
    this.sla = sla;
    this.work = work;
    cumulativeByMonth = new double[12][services.size()];
    for (int m = 0; m < 12; m++) {
      double sum = 0;
      for (int s = 0; s < services.size(); s++) {
        sum += services.get(s).weightIn(m + 1);
        cumulativeByMonth[m][s] = sum;
      }
      for (int s = 0; s < services.size(); s++) {
        cumulativeByMonth[m][s] /= sum;
      }
    }
  }

  /** One timeline entry, before it is written. */
  private record Event(
      Instant at,
      String actor,
      String kind,
      boolean publicNote,
      CaseStatus from,
      CaseStatus to,
      String body) {}

  /** A case's opening, drawn before the chunk is sorted by time. */
  private record Draft(Instant openedAt, int service, Channel channel) {}

  /** An earlier case a later report might duplicate. */
  private record Recent(UUID id, String reference, Instant openedAt) {}

  /** Writes cases {@code from} (inclusive) to {@code to} (exclusive) and their contacts. */
  void write(long chunk, long from, long to, Connection connection) throws SQLException {
    Random r = Seeds.random(seed, Seeds.CASES, chunk);
    boolean postgres = DatabaseProducts.isPostgres(connection);
    Instant windowStart = timeAt((double) from / total);
    Instant windowEnd = timeAt((double) to / total);
    List<Draft> drafts = new ArrayList<>((int) (to - from));
    for (long k = from; k < to; k++) {
      drafts.add(draft(r, windowStart, windowEnd));
    }
    drafts.sort(Comparator.comparing(Draft::openedAt));

    try (BulkInsert cases =
            new BulkInsert(
                connection,
                postgres,
                "service_case",
                """
                id uuid, reference text, service_code text, resident_id uuid,
                description text, address text, uprn bigint, latitude numeric,
                longitude numeric, ward_code text, priority text, status text,
                team_id uuid, officer_id uuid, channel text, opened_at timestamptz,
                first_response_at timestamptz, resolved_at timestamptz,
                closed_at timestamptz, due_at timestamptz, sla_risk_at timestamptz,
                sla_paused_at timestamptz, sla_breached_at timestamptz,
                times_reopened integer, duplicate_of uuid, updated_at timestamptz,
                version integer
                """);
        BulkInsert answers =
            new BulkInsert(
                connection,
                postgres,
                "case_attribute",
                """
                case_id uuid, attribute_code text, position integer, attr_value text
                """);
        BulkInsert timeline =
            new BulkInsert(
                connection,
                postgres,
                "case_timeline",
                """
                case_id uuid, at timestamptz, actor text, kind text, public_note boolean,
                from_status text, to_status text, body text
                """);
        BulkInsert contacts = contactInsert(connection, postgres);
        BulkInsert words = StatutoryCaseRows.words(connection, postgres)) {
      Map<Integer, Recent> recent = new HashMap<>();
      for (int p = 0; p < drafts.size(); p++) {
        long k = from + p;
        makeCase(r, k, drafts.get(p), recent, cases, answers, timeline, contacts, words);
      }
      long enquiries = Math.round((to - from) * CONTACTS_WITHOUT_CASE);
      for (long e = 0; e < enquiries; e++) {
        enquiry(r, chunk, e, windowStart, windowEnd, contacts);
      }
      // Parents first: answers, timelines and contacts point at the cases.
      cases.flush();
      words.flush();
      answers.flush();
      timeline.flush();
      contacts.flush();
    }
  }

  private void makeCase(
      Random r,
      long k,
      Draft draft,
      Map<Integer, Recent> recent,
      BulkInsert cases,
      BulkInsert answers,
      BulkInsert timeline,
      BulkInsert contacts,
      BulkInsert words) {
    ServiceSpec service = services.get(draft.service());
    Channel channel = draft.channel();
    Instant opened = draft.openedAt();
    UUID id = Seeds.timeOrdered(seed, Seeds.CASES, k, opened);
    ZonedDateTime local = opened.atZone(zone);
    String reference = reference(local.getYear(), firstNumber + k);

    // Who reported it, and where.
    Long resident = chooseResident(r, channel, opened);
    UUID residentId = resident == null ? null : residents.id(resident);
    Places.Home home =
        resident == null ? places.home(r.nextLong(places.homes())) : residents.home(resident);
    Places.Street street;
    String address;
    Long uprn = null;
    BigDecimal latitude = null;
    BigDecimal longitude = null;
    if (service.place() == DemoCatalogue.Place.STREET) {
      street =
          resident != null && r.nextDouble() < 0.65
              ? home.street()
              : places.streets.get(r.nextInt(places.streets.size()));
      address = places.streetLocation(street, 1 + r.nextInt(120), r);
      latitude = coordinate(street.latitude() + (r.nextDouble() - 0.5) * 0.003);
      longitude = coordinate(street.longitude() + (r.nextDouble() - 0.5) * 0.004);
    } else {
      street = home.street();
      address = home.oneLine();
      uprn = home.uprn();
      if (service.place() == DemoCatalogue.Place.HOME) {
        latitude = coordinate(street.latitude() + (r.nextDouble() - 0.5) * 0.001);
        longitude = coordinate(street.longitude() + (r.nextDouble() - 0.5) * 0.0015);
      }
    }
    String wardCode = places.wards.get(street.ward()).gssCode();
    String description =
        service
            .descriptions()
            .get(r.nextInt(service.descriptions().size()))
            .replace("{street}", street.name());
    Priority priority = service.priority();
    if (priority != Priority.URGENT && r.nextDouble() < 0.04) {
      priority = Priority.values()[priority.ordinal() + 1];
    }
    TeamInfo team = staffing.teams().get(service.teamCode());
    Member officer =
        team.caseworkers().isEmpty() || r.nextDouble() < 0.2
            ? null
            : team.caseworkers().get(r.nextInt(team.caseworkers().size()));
    String worker =
        officer != null
            ? officer.username()
            : team.caseworkers().isEmpty()
                ? staffing.supervisor()
                : team.caseworkers().get(r.nextInt(team.caseworkers().size())).username();
    String raiser = raiser(r, channel);

    // The case's whole life, some of it perhaps still to come.
    SlaPolicy policy = service.sla();
    SlaClock.Deadline deadline = sla.start(policy, opened);
    Duration window = work.between(opened, deadline.due());
    if (window.isZero()) {
      window = Duration.ofHours(1);
    }
    double progress = fraction(periodStart, now, opened);
    List<Event> events = new ArrayList<>();
    events.add(
        new Event(
            opened,
            raiser,
            "CREATED",
            true,
            null,
            CaseStatus.NEW,
            "Case raised by " + channel.label().toLowerCase() + " for " + service.name()));
    Instant firstResponse = work.add(opened, scale(window, 0.02 + 0.25 * square(r.nextDouble())));
    Instant holdStart = null;
    Instant holdEnd = null;
    Instant end; // when the case stops being active, perhaps after now
    UUID duplicateOf = null;
    double fate = r.nextDouble();
    Recent original = recent.get(draft.service());
    if (fate < 0.025
        || (fate < 0.04
            && (original == null || Duration.between(original.openedAt(), opened).toDays() > 14))) {
      end = work.add(opened, Duration.ofMinutes(30 + r.nextInt(60 * 16)));
      events.add(
          new Event(
              end,
              worker,
              "STATUS",
              true,
              CaseStatus.NEW,
              CaseStatus.CANCELLED,
              CANCEL_REASONS[r.nextInt(CANCEL_REASONS.length)]));
    } else if (fate < 0.04) {
      end = firstResponse;
      duplicateOf = original.id();
      events.add(
          new Event(
              end,
              worker,
              "STATUS",
              true,
              CaseStatus.NEW,
              CaseStatus.DUPLICATE,
              "Duplicate of " + original.reference()));
    } else {
      boolean stuck = fate > 0.996;
      Instant cursor = firstResponse;
      if (officer != null) {
        events.add(
            new Event(
                cursor,
                staffing.supervisor(),
                "ASSIGNMENT",
                false,
                null,
                null,
                "Assigned to " + team.name() + " (" + officer.displayName() + ")"));
      }
      CaseStatus status = r.nextDouble() < 0.35 ? CaseStatus.OPEN : CaseStatus.IN_PROGRESS;
      events.add(new Event(cursor, worker, "STATUS", false, CaseStatus.NEW, status, null));
      if (status == CaseStatus.OPEN && r.nextBoolean()) {
        cursor = work.add(cursor, scale(window, 0.05 + 0.15 * r.nextDouble()));
        events.add(
            new Event(cursor, worker, "STATUS", false, status, CaseStatus.IN_PROGRESS, null));
        status = CaseStatus.IN_PROGRESS;
      }
      Duration held = Duration.ZERO;
      boolean pausable = policy.pauseStatuses().contains(CaseStatus.ON_HOLD.name());
      if (pausable && !service.holdReasons().isEmpty() && r.nextDouble() < (stuck ? 0.4 : 0.1)) {
        cursor = work.add(cursor, scale(window, 0.05 + 0.3 * r.nextDouble()));
        holdStart = cursor;
        events.add(
            new Event(
                cursor,
                worker,
                "STATUS",
                true,
                status,
                CaseStatus.ON_HOLD,
                service.holdReasons().get(r.nextInt(service.holdReasons().size()))));
        status = CaseStatus.ON_HOLD;
        if (!stuck) {
          held = Duration.ofMinutes(120 + r.nextInt(60 * 8 * 8));
          holdEnd = work.add(cursor, held);
          cursor = holdEnd;
          events.add(
              new Event(cursor, worker, "STATUS", false, status, CaseStatus.IN_PROGRESS, null));
          status = CaseStatus.IN_PROGRESS;
        }
      }
      if (r.nextDouble() < 0.4) {
        cursor = work.add(cursor, scale(window, 0.05 + 0.15 * r.nextDouble()));
        events.add(
            new Event(
                cursor,
                worker,
                "NOTE",
                r.nextDouble() < 0.3,
                null,
                null,
                NOTES[r.nextInt(NOTES.length)]));
      }
      if (stuck) {
        end = null;
      } else {
        boolean met = r.nextDouble() < service.metRate() + 0.04 * (progress - 0.5);
        Duration toResolve =
            met
                ? scale(window, 0.25 + 0.73 * r.nextDouble())
                : window.plus(scale(window, 0.05 + 0.9 * r.nextDouble()));
        Instant resolved = work.add(opened, toResolve.plus(held));
        if (!resolved.isAfter(cursor)) {
          resolved = work.add(cursor, Duration.ofMinutes(10 + r.nextInt(110)));
        }
        String resolution = service.resolutions().get(r.nextInt(service.resolutions().size()));
        if (r.nextDouble() < 0.025) {
          events.add(
              new Event(resolved, worker, "STATUS", true, status, CaseStatus.RESOLVED, resolution));
          Instant reopened = work.add(resolved, Duration.ofHours(1 + r.nextInt(8 * 10)));
          events.add(
              new Event(
                  reopened,
                  raiser,
                  "STATUS",
                  true,
                  CaseStatus.RESOLVED,
                  CaseStatus.OPEN,
                  "Reopened: the resident reported the problem again"));
          Instant working = work.add(reopened, Duration.ofMinutes(30 + r.nextInt(60 * 8)));
          events.add(
              new Event(
                  working, worker, "STATUS", false, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, null));
          status = CaseStatus.IN_PROGRESS;
          resolved = work.add(working, scale(window, 0.2 + 0.6 * r.nextDouble()));
          resolution = service.resolutions().get(r.nextInt(service.resolutions().size()));
        }
        events.add(
            new Event(resolved, worker, "STATUS", true, status, CaseStatus.RESOLVED, resolution));
        end = resolved;
        if (r.nextDouble() < 0.93) {
          Instant closed = work.add(resolved, Duration.ofHours(8 + r.nextInt(8 * 10)));
          events.add(
              new Event(
                  closed, worker, "STATUS", false, CaseStatus.RESOLVED, CaseStatus.CLOSED, null));
        }
      }
    }

    // Contacts: the one that raised the case, chasers, and calls from the caseworker.
    Instant activeUntil = end == null || end.isAfter(now) ? now : end;
    Integer duration = duration(r, channel);
    contact(
        contacts,
        3 * k,
        residentId,
        id,
        channel,
        Direction.INBOUND,
        raiser,
        duration == null ? opened : opened.minusSeconds(duration),
        duration,
        ContactOutcome.CASE_RAISED,
        "Reported: " + service.name());
    if (residentId != null && r.nextDouble() < 0.15) {
      Instant at = work.add(opened, scale(window, 0.5 + 0.8 * r.nextDouble()));
      if (at.isBefore(activeUntil)) {
        Channel how = r.nextDouble() < 0.7 ? Channel.PHONE : Channel.EMAIL;
        String agent = staffing.agents().get(r.nextInt(staffing.agents().size()));
        String summary = CHASES[r.nextInt(CHASES.length)];
        Integer seconds = duration(r, how);
        contact(
            contacts,
            3 * k + 1,
            residentId,
            id,
            how,
            Direction.INBOUND,
            agent,
            at,
            seconds,
            ContactOutcome.CASE_UPDATED,
            summary);
        events.add(
            new Event(
                at,
                agent,
                "CONTACT",
                false,
                null,
                null,
                describe(how, Direction.INBOUND, ContactOutcome.CASE_UPDATED, summary)));
      }
    }
    if (residentId != null && r.nextDouble() < 0.08) {
      Instant at = work.add(firstResponse, scale(window, 0.1 + 0.5 * r.nextDouble()));
      if (at.isBefore(activeUntil)) {
        String summary = CALLS[r.nextInt(CALLS.length)];
        Integer seconds = duration(r, Channel.PHONE);
        contact(
            contacts,
            3 * k + 2,
            residentId,
            id,
            Channel.PHONE,
            Direction.OUTBOUND,
            worker,
            at,
            seconds,
            ContactOutcome.CASE_UPDATED,
            summary);
        events.add(
            new Event(
                at,
                worker,
                "CONTACT",
                false,
                null,
                null,
                describe(Channel.PHONE, Direction.OUTBOUND, ContactOutcome.CASE_UPDATED, summary)));
      }
    }

    // What had happened by now.
    events.sort(Comparator.comparing(Event::at)); // stable: same-time events keep their order
    CaseStatus status = CaseStatus.NEW;
    Instant firstStatusChange = null;
    Instant resolvedAt = null;
    Instant closedAt = null;
    Instant updatedAt = opened;
    boolean assigned = false;
    int reopened = 0;
    int version = 0;
    for (Event e : events) {
      if (e.at().isAfter(now)) {
        continue;
      }
      timeline.add(
          id,
          e.at(),
          e.actor(),
          e.kind(),
          e.publicNote(),
          e.from() == null ? null : e.from().name(),
          e.to() == null ? null : e.to().name(),
          e.body());
      if (!e.kind().equals("CONTACT")) {
        updatedAt = e.at();
      }
      if (e.kind().equals("ASSIGNMENT")) {
        assigned = true;
        version++;
      } else if (e.kind().equals("NOTE")) {
        version++;
      } else if (e.kind().equals("STATUS")) {
        version++;
        if (firstStatusChange == null) {
          firstStatusChange = e.at();
        }
        if (e.to() == CaseStatus.RESOLVED) {
          resolvedAt = e.at();
        } else if (e.to() == CaseStatus.CLOSED) {
          closedAt = e.at();
        } else if (e.from() == CaseStatus.RESOLVED && e.to() == CaseStatus.OPEN) {
          reopened++;
          resolvedAt = null;
        }
        status = e.to();
      }
    }
    Instant due = deadline.due();
    Instant atRisk = deadline.atRisk();
    Instant pausedAt = null;
    if (status == CaseStatus.ON_HOLD) {
      pausedAt = holdStart;
    } else if (holdEnd != null && !holdEnd.isAfter(now)) {
      SlaClock.Deadline moved = sla.resume(deadline, holdStart, holdEnd);
      due = moved.due();
      atRisk = moved.atRisk();
    }
    Instant judgedAt =
        status.active()
            ? (pausedAt != null ? pausedAt : now)
            : resolvedAt != null ? resolvedAt : null;
    Instant breachedAt = judgedAt != null && judgedAt.isAfter(due) ? due : null;
    if (!status.active() && resolvedAt == null) {
      breachedAt = null; // cancelled or duplicate: no SLA
    }
    StatutoryCaseRows.index(words, id, opened, reference, description, address);
    cases.add(
        id,
        reference,
        service.code(),
        residentId,
        description,
        address,
        uprn,
        latitude,
        longitude,
        wardCode,
        priority.name(),
        status.name(),
        team.id(),
        assigned ? officer.id() : null,
        channel.name(),
        opened,
        firstStatusChange,
        status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED ? resolvedAt : null,
        status == CaseStatus.CLOSED ? closedAt : null,
        due,
        atRisk,
        pausedAt,
        breachedAt,
        reopened,
        status == CaseStatus.DUPLICATE ? duplicateOf : null,
        updatedAt,
        version);

    LocalDate openedOn = local.toLocalDate();
    for (Question q : service.questions()) {
      if (q.attribute().required() || r.nextBoolean()) {
        List<String> values = q.answer().of(r, openedOn, street);
        for (int i = 0; i < values.size(); i++) {
          answers.add(id, q.attribute().code(), i, values.get(i));
        }
      }
    }
    recent.put(draft.service(), new Recent(id, reference, opened));
  }

  /** As CaseManagement writes it: {@code BR-2026-000123}. */
  private String reference(int year, long number) {
    String digits = Long.toString(number);
    return prefix + "-" + year + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
  }

  /** A contact that needed no case: a question answered, a payment taken, a referral. */
  private void enquiry(
      Random r, long chunk, long e, Instant from, Instant to, BulkInsert contacts) {
    Instant at = uniform(r, from, to);
    Channel channel = channel(r, fraction(periodStart, now, at), false);
    if (!channel.digital()) {
      at = workingTimeNear(r, at, from, to);
      if (at == null) {
        at = uniform(r, from, to);
        channel = Channel.WEB;
      }
    }
    Long resident = chooseResident(r, channel, at);
    String[] enquiry = ENQUIRIES[r.nextInt(ENQUIRIES.length)];
    String agent =
        channel == Channel.WEB
            ? "portal"
            : staffing.agents().get(r.nextInt(staffing.agents().size()));
    if (channel == Channel.WEB && !enquiry[0].equals("INFORMATION_GIVEN")) {
      enquiry = ENQUIRIES[5 + r.nextInt(7)];
    }
    contact(
        contacts,
        -1 - (chunk * 1_000_000_000L + e),
        resident == null ? null : residents.id(resident),
        null,
        channel,
        Direction.INBOUND,
        agent,
        at,
        duration(r, channel),
        ContactOutcome.valueOf(enquiry[0]),
        enquiry[1]);
  }

  private Draft draft(Random r, Instant from, Instant to) {
    Instant at = uniform(r, from, to);
    int month = at.atZone(zone).getMonthValue();
    double u = r.nextDouble();
    double[] cumulative = cumulativeByMonth[month - 1];
    int service = 0;
    while (service < cumulative.length - 1 && cumulative[service] < u) {
      service++;
    }
    boolean street = services.get(service).place() == DemoCatalogue.Place.STREET;
    Channel channel = channel(r, fraction(periodStart, now, at), street);
    if (!channel.digital()) {
      // Phone lines and the customer service centre are open in working hours only.
      Instant working = workingTimeNear(r, at, from, to);
      if (working == null) {
        channel = Channel.WEB;
      } else {
        at = working;
      }
    }
    return new Draft(at, service, channel);
  }

  private Instant workingTimeNear(Random r, Instant at, Instant from, Instant to) {
    for (int i = 0; i < 40; i++) {
      if (work.isWorkingTime(at)) {
        return at;
      }
      at = uniform(r, from, to);
    }
    return null;
  }

  /** A channel from the mix at {@code progress} (0 to 1) through the period. */
  private static Channel channel(Random r, double progress, boolean appAllowed) {
    double u = r.nextDouble();
    double sum = 0;
    for (int i = 0; i < CHANNELS.length; i++) {
      sum += MIX_START[i] + (MIX_END[i] - MIX_START[i]) * progress;
      if (u < sum) {
        // Open311 apps report street problems; other requests from an app come in on the web.
        return CHANNELS[i] == Channel.APP && !appAllowed ? Channel.WEB : CHANNELS[i];
      }
    }
    return Channel.WEB;
  }

  private Long chooseResident(Random r, Channel channel, Instant at) {
    double anonymous =
        switch (channel) {
          case APP -> 0.35;
          case SOCIAL -> 0.3;
          case WEB -> 0.12;
          case PHONE -> 0.04;
          default -> 0.02;
        };
    if (r.nextDouble() < anonymous) {
      return null;
    }
    long registered = residents.registeredBy(at);
    if (registered == 0) {
      return null;
    }
    double u = r.nextDouble();
    // Some residents report much more than others: a quarter of reports come from a few.
    long i = r.nextDouble() < 0.25 ? (long) (registered * u * u * u) : (long) (registered * u);
    return Math.min(i, registered - 1);
  }

  private String raiser(Random r, Channel channel) {
    return switch (channel) {
      case WEB -> "portal";
      case APP -> "open311";
      default -> staffing.agents().get(r.nextInt(staffing.agents().size()));
    };
  }

  private static Integer duration(Random r, Channel channel) {
    return switch (channel) {
      case PHONE -> 60 + (int) (840 * square(r.nextDouble()));
      case FACE_TO_FACE -> 240 + (int) (1500 * square(r.nextDouble()));
      default -> null;
    };
  }

  private static BulkInsert contactInsert(Connection connection, boolean postgres) {
    return new BulkInsert(
        connection,
        postgres,
        "contact",
        """
        id uuid, resident_id uuid, case_id uuid, channel text, direction text,
        agent text, occurred_at timestamptz, duration_seconds integer,
        outcome text, resolved_at_first_contact boolean, summary text
        """);
  }

  private void contact(
      BulkInsert contacts,
      long index,
      UUID resident,
      UUID caseId,
      Channel channel,
      Direction direction,
      String agent,
      Instant at,
      Integer duration,
      ContactOutcome outcome,
      String summary) {
    contacts.add(
        Seeds.timeOrdered(seed, Seeds.CONTACTS, index, at),
        resident,
        caseId,
        channel.name(),
        direction.name(),
        agent,
        at,
        duration,
        outcome.name(),
        outcome.resolvedAtFirstContact(),
        summary);
  }

  /** The timeline line the contacts module writes for a contact about a case. */
  static String describe(
      Channel channel, Direction direction, ContactOutcome outcome, String summary) {
    return channel.label()
        + " contact, "
        + direction.name().toLowerCase()
        + ": "
        + outcome.label()
        + (summary == null ? "" : " — " + summary);
  }

  /** When the case at {@code u} (0 to 1) of the way through the list was opened: volumes grow. */
  private Instant timeAt(double u) {
    double x = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
    long span = Duration.between(periodStart, now).getSeconds();
    return periodStart.plusSeconds(Math.round(span * Math.min(1, Math.max(0, x))));
  }

  private static Instant uniform(Random r, Instant from, Instant to) {
    long span = Math.max(1, Duration.between(from, to).getSeconds());
    return from.plusSeconds((long) (span * r.nextDouble()));
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofSeconds(Math.max(60, (long) (d.getSeconds() * factor)));
  }

  private static double square(double x) {
    return x * x;
  }

  private static double fraction(Instant from, Instant to, Instant at) {
    double span = Duration.between(from, to).getSeconds();
    return span <= 0 ? 1 : Math.min(1, Math.max(0, Duration.between(from, at).getSeconds() / span));
  }

  private static BigDecimal coordinate(double degrees) {
    return BigDecimal.valueOf(Math.round(degrees * 1_000_000), 6);
  }
}
