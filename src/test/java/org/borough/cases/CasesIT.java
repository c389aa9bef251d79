// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.SlaPolicy;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.TeamId;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.support.SlaScan;
import org.borough.system.ConflictException;
import org.borough.system.InvalidInputException;
import org.borough.system.SystemProperties;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Cases: raising and its validation, references, SLA due dates and pauses, the status lifecycle,
 * timeline and outbox, assignment, bulk actions, queues, breach detection, attachments and the case
 * page.
 */
class CasesIT extends IntegrationTest {

  @Autowired CaseManagement cases;
  @Autowired CaseQueues queues;
  @Autowired CaseAttachments attachments;
  @Autowired CasesProperties properties;
  @Autowired ResidentManagement residents;
  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffDirectory staff;
  @Autowired WorkingCalendar calendar;
  @Autowired SystemProperties system;
  @Autowired SignedIn signedIn;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void signOut() {
    SignedIn.leave();
  }

  // --- raising: validation saves nothing --------------------------------------------------------

  @Test
  void openRejectsAnUnknownServiceAndSavesNothing() {
    String marker = marker();
    assertRefused(request("no-such-service", marker, Map.of()), "serviceCode", marker);
  }

  @Test
  void openRejectsAnInactiveServiceAndSavesNothing() {
    String code = "retired-" + letters(8);
    catalogue.add(
        new ServiceDefinition(
            code,
            "Retired service",
            "Old services",
            "No longer offered",
            false,
            team(Fixtures.WASTE),
            Priority.LOW,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 75, Set.of("ON_HOLD")),
            List.of()));
    String marker = marker();

    assertRefused(request(code, marker, Map.of()), "serviceCode", marker);
  }

  @Test
  void openRejectsAMissingRequiredAttributeUnderItsFormKey() {
    String marker = marker();
    assertRefused(request(Fixtures.MISSED_BIN, marker, Map.of()), "attr-bin_type", marker);
  }

  @Test
  void openRejectsAListValueThatIsNotOneOfTheServicesValues() {
    String marker = marker();
    assertRefused(
        request(Fixtures.MISSED_BIN, marker, Map.of("bin_type", List.of("purple"))),
        "attr-bin_type",
        marker);
  }

  @Test
  void openRejectsAnEmptyDescription() {
    String marker = marker();
    assertRefused(withDescription(binRequest(marker), "   "), "description", marker);
    assertRefused(withDescription(binRequest(marker), null), "description", marker);
  }

  @Test
  void openRejectsADescriptionOver4000Characters() {
    String marker = marker();
    assertRefused(withDescription(binRequest(marker), "x".repeat(4001)), "description", marker);
  }

  @Test
  void openAcceptsADescriptionOfExactly4000Characters() {
    CaseView opened =
        signedIn.as(
            Fixtures.AGENT,
            () -> cases.open(withDescription(binRequest(marker()), "y".repeat(4000))));
    assertThat(opened.description()).hasSize(4000);
  }

  @Test
  void openRejectsALatitudeOutsideTheUk() {
    String marker = marker();
    assertRefused(
        withLocation(binRequest(marker), new BigDecimal("40.7128"), new BigDecimal("-0.1")),
        "latitude",
        marker);
  }

  @Test
  void openRejectsALatitudeWithoutALongitude() {
    String marker = marker();
    assertRefused(
        withLocation(binRequest(marker), new BigDecimal("51.5074"), null), "longitude", marker);
  }

  @Test
  void openReportsEveryProblemAtOnce() {
    String marker = marker();
    NewCase bad =
        withLocation(
            withDescription(request(Fixtures.MISSED_BIN, marker, Map.of()), ""),
            new BigDecimal("70"),
            new BigDecimal("1"));
    assertThatThrownBy(() -> signedIn.as(Fixtures.AGENT, () -> cases.open(bad)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsKeys("description", "latitude", "attr-bin_type"));
    assertThat(casesWithAddress(marker)).isZero();
  }

  // --- references and due dates -----------------------------------------------------------------

  @Test
  void openGivesEachCaseAUniqueReferenceInTheCouncilFormat() {
    Set<String> references = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      CaseView opened = open(Fixtures.AGENT, binRequest(marker()));
      int year = Year.from(opened.summary().openedAt().atZone(calendar.zone())).getValue();
      assertThat(opened.reference()).matches("BR-" + year + "-\\d{6,}");
      assertThat(CaseManagement.looksLikeReference(opened.reference())).isTrue();
      references.add(opened.reference());
    }
    assertThat(references).hasSize(3);
  }

  @Test
  void openStartsAsNewAndIsDueAtTheEndOfTheSecondWorkingDay() {
    CaseView opened = open(Fixtures.AGENT, binRequest(marker()));

    Instant openedAt = opened.summary().openedAt();
    LocalDate openedOn = openedAt.atZone(calendar.zone()).toLocalDate();
    Instant expected = calendar.endOfWorkingDay(calendar.addWorkingDays(openedOn, 2));
    ZonedDateTime due = opened.summary().dueAt().atZone(calendar.zone());

    assertThat(opened.status()).isEqualTo(CaseStatus.NEW);
    assertThat(opened.summary().dueAt()).isEqualTo(expected);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
    assertThat(calendar.isWorkingDay(due.toLocalDate())).isTrue();
    assertThat(calendar.workingDaysBetween(openedOn, due.toLocalDate())).isEqualTo(2);
    assertThat(opened.summary().sla()).isEqualTo(SlaState.ON_TRACK);
    assertThat(opened.summary().teamId()).isEqualTo(team(Fixtures.WASTE).value());
  }

  @Test
  void openGivesAPotholeEightWorkingHours() {
    CaseView opened = open(Fixtures.AGENT, potholeRequest(marker()));

    Instant openedAt = opened.summary().openedAt();
    Instant expected = calendar.addWorkingTime(openedAt, Duration.ofHours(8));

    assertThat(opened.summary().dueAt()).isCloseTo(expected, within(1, ChronoUnit.MILLIS));
    assertThat(calendar.workingTimeBetween(openedAt, opened.summary().dueAt()))
        .isCloseTo(Duration.ofHours(8), Duration.ofMillis(1));
    assertThat(opened.summary().teamId()).isEqualTo(team(Fixtures.HIGHWAYS).value());
  }

  // --- status lifecycle -------------------------------------------------------------------------

  @Test
  void onHoldPausesTheSlaClockAndTheTimelineShowsEveryMove() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    move(c, CaseStatus.OPEN, null);
    move(c, CaseStatus.IN_PROGRESS, null);
    assertThat(pausedAt(c)).isNull();
    move(c, CaseStatus.ON_HOLD, "Waiting for the crew");

    CaseView held = view(c);
    assertThat(held.status()).isEqualTo(CaseStatus.ON_HOLD);
    assertThat(pausedAt(c)).isNotNull();
    assertThat(held.summary().paused()).isTrue();
    assertThat(held.firstResponseAt()).isNotNull();
    assertThat(held.timeline())
        .filteredOn(t -> t.kind().equals("STATUS"))
        .extracting(CaseView.TimelineEntry::toStatus)
        .containsExactly(CaseStatus.ON_HOLD, CaseStatus.IN_PROGRESS, CaseStatus.OPEN);
  }

  @Test
  void resumingFromOnHoldMovesTheDueDateOnByTheWorkingTimeSpentPaused() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    move(c, CaseStatus.IN_PROGRESS, null);
    move(c, CaseStatus.ON_HOLD, null);
    Instant dueBefore = instant("select due_at from service_case where id = ?", c);
    Instant riskBefore = instant("select sla_risk_at from service_case where id = ?", c);
    // Pretend the case went on hold a week ago: at least three working days have passed since.
    Instant pausedAt = Instant.now().minus(Duration.ofDays(7));
    jdbc.sql("update service_case set sla_paused_at = ? where id = ?")
        .params(Timestamp.from(pausedAt), c.id().value())
        .update();

    move(c, CaseStatus.IN_PROGRESS, null);

    Instant resumedAt = instant("select updated_at from service_case where id = ?", c);
    Duration paused = calendar.workingTimeBetween(pausedAt, resumedAt);
    assertThat(paused).isGreaterThanOrEqualTo(Duration.ofHours(8));
    Instant dueAfter = instant("select due_at from service_case where id = ?", c);
    Instant riskAfter = instant("select sla_risk_at from service_case where id = ?", c);
    assertThat(dueAfter).isAfter(dueBefore);
    assertThat(dueAfter)
        .isCloseTo(calendar.addWorkingTime(dueBefore, paused), within(1, ChronoUnit.SECONDS));
    assertThat(riskAfter)
        .isCloseTo(calendar.addWorkingTime(riskBefore, paused), within(1, ChronoUnit.SECONDS));
    assertThat(pausedAt(c)).isNull();
    assertThat(view(c).summary().paused()).isFalse();
  }

  @Test
  void resolvingNeedsANoteSayingHow() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    for (String note : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> move(c, CaseStatus.RESOLVED, note))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.errors()).containsKey("note"));
    }
    assertThat(statusOf(c)).isEqualTo(CaseStatus.NEW);

    move(c, CaseStatus.RESOLVED, "Collected on Thursday");
    CaseView resolved = view(c);
    assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).isNotNull();
    assertThat(resolved.summary().sla()).isEqualTo(SlaState.MET);
  }

  @Test
  void closingIsOnlyPossibleFromResolved() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    move(c, CaseStatus.IN_PROGRESS, null);

    assertThatThrownBy(() -> move(c, CaseStatus.CLOSED, null))
        .isInstanceOf(ConflictException.class);
    assertThat(statusOf(c)).isEqualTo(CaseStatus.IN_PROGRESS);

    move(c, CaseStatus.RESOLVED, "Bin emptied");
    move(c, CaseStatus.CLOSED, null);
    CaseView closed = view(c);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
  }

  @Test
  void newToClosedIsAnIllegalTransition() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    assertThatThrownBy(() -> move(c, CaseStatus.CLOSED, "skip"))
        .isInstanceOf(ConflictException.class);
    assertThat(statusOf(c)).isEqualTo(CaseStatus.NEW);
  }

  @Test
  void reopeningWithinTheWindowCountsTheReopen() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    move(c, CaseStatus.RESOLVED, "Collected");

    move(c, CaseStatus.OPEN, "Resident says it was not collected after all");

    CaseView reopened = view(c);
    assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(reopened.timesReopened()).isEqualTo(1);
    assertThat(reopened.resolvedAt()).isNull();
    String payload =
        jdbc.sql(
                "select payload from outbox_event where event_type = 'case.status-changed.v1'"
                    + " and aggregate_id = ? order by position desc fetch first 1 rows only")
            .param(c.id().toString())
            .query(String.class)
            .single();
    assertThat(payload).contains("\"reopened\":true");
  }

  @Test
  void reopeningAfterTheWindowIsAConflict() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    move(c, CaseStatus.RESOLVED, "Collected");
    Instant longAgo = Instant.now().minus(Duration.ofDays(60));
    assertThat(Duration.ofDays(60)).isGreaterThan(properties.reopenWindow());
    jdbc.sql("update service_case set resolved_at = ? where id = ?")
        .params(Timestamp.from(longAgo), c.id().value())
        .update();

    assertThatThrownBy(() -> move(c, CaseStatus.OPEN, "Too late"))
        .isInstanceOf(ConflictException.class);
    CaseView still = view(c);
    assertThat(still.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(still.timesReopened()).isZero();
  }

  @Test
  void aDuplicateMustNameAnotherExistingCase() {
    CaseView original = open(Fixtures.AGENT, binRequest(marker()));
    CaseView copy = open(Fixtures.AGENT, binRequest(marker()));

    for (String ref : new String[] {null, " ", "BR-1999-999999", copy.reference()}) {
      assertThatThrownBy(
              () ->
                  signedIn.as(
                      Fixtures.CASEWORKER,
                      () -> {
                        cases.changeStatus(copy.id(), CaseStatus.DUPLICATE, null, false, ref, null);
                        return null;
                      }))
          .as(String.valueOf(ref))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.errors()).containsKey("duplicateOf"));
    }
    assertThat(statusOf(copy)).isEqualTo(CaseStatus.NEW);

    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(
              copy.id(),
              CaseStatus.DUPLICATE,
              null,
              false,
              original.reference().toLowerCase(),
              null);
          return null;
        });

    CaseView marked = view(copy);
    assertThat(marked.status()).isEqualTo(CaseStatus.DUPLICATE);
    assertThat(marked.duplicateOfReference()).isEqualTo(original.reference());
    assertThat(
            jdbc.sql("select duplicate_of from service_case where id = ?")
                .param(copy.id().value())
                .query(UUID.class)
                .single())
        .isEqualTo(original.id().value());
  }

  // --- timeline and outbox ----------------------------------------------------------------------

  @Test
  void everyChangeAddsATimelineEntryAndAnOutboxEvent() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    assertThat(timeline(c, "CREATED")).isEqualTo(1);
    assertThat(events(c, "case.opened.v1")).isEqualTo(1);

    move(c, CaseStatus.OPEN, null);
    assertThat(timeline(c, "STATUS")).isEqualTo(1);
    assertThat(events(c, "case.status-changed.v1")).isEqualTo(1);

    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.assign(c.id(), team(Fixtures.WASTE), officer(Fixtures.CASEWORKER), null);
          return null;
        });
    assertThat(timeline(c, "ASSIGNMENT")).isEqualTo(1);
    assertThat(events(c, "case.assigned.v1")).isEqualTo(1);

    signedIn.as(
        Fixtures.AGENT,
        () -> {
          cases.addNote(c.id(), "Resident called to chase", false);
          return null;
        });
    assertThat(timeline(c, "NOTE")).isEqualTo(1);
    assertThat(events(c, "case.note-added.v1")).isEqualTo(1);

    assertThat(timeline(c, null)).isEqualTo(4);
    assertThat(events(c, null)).isEqualTo(4);
    assertThat(view(c).version()).isEqualTo(3);
  }

  @Test
  void aRefusedChangeAddsNoTimelineEntryAndNoEvent() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    long timeline = timeline(c, null);
    long events = events(c, null);

    assertThatThrownBy(() -> move(c, CaseStatus.CLOSED, null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> move(c, CaseStatus.RESOLVED, null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.AGENT,
                    () -> {
                      cases.addNote(c.id(), " ", false);
                      return null;
                    }))
        .isInstanceOf(InvalidInputException.class);

    assertThat(timeline(c, null)).isEqualTo(timeline);
    assertThat(events(c, null)).isEqualTo(events);
    assertThat(view(c).version()).isZero();
  }

  @Test
  void outboxPayloadsCarryNoDescriptionNoteOrResidentName() {
    String forename = "Zebedee" + letters(6);
    String surname = "Quarrington" + letters(6);
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    new ResidentDetails(
                        forename, surname, null, null, null, null, null, null, null, null, null,
                        null, null, null, null)));
    String description = "Secret description " + letters(12);
    String note = "Secret note " + letters(12);
    String resolution = "Secret resolution " + letters(12);
    NewCase request =
        new NewCase(
            Fixtures.MISSED_BIN,
            resident,
            description,
            null,
            null,
            null,
            null,
            Fixtures.WARD,
            Map.of("bin_type", List.of("general")),
            null,
            null,
            null,
            null);
    CaseView c = open(Fixtures.AGENT, request);
    signedIn.as(
        Fixtures.AGENT,
        () -> {
          cases.addNote(c.id(), note, true);
          return null;
        });
    move(c, CaseStatus.RESOLVED, resolution);

    List<String> payloads =
        jdbc.sql("select payload from outbox_event where aggregate_id = ?")
            .param(c.id().toString())
            .query(String.class)
            .list();
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(3);
    assertThat(payloads)
        .allSatisfy(
            p ->
                assertThat(p)
                    .doesNotContain(description, note, resolution, forename, surname)
                    .doesNotContainIgnoringCase("secret"));
    assertThat(payloads).anySatisfy(p -> assertThat(p).contains(c.reference()));
  }

  // --- assignment and bulk ----------------------------------------------------------------------

  @Test
  void assignGivesTheCaseToATeamAndOneOfItsMembers() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.assign(c.id(), team(Fixtures.WASTE), officer(Fixtures.CASEWORKER), null);
          return null;
        });

    CaseView assigned = view(c);
    assertThat(assigned.summary().teamId()).isEqualTo(team(Fixtures.WASTE).value());
    assertThat(assigned.summary().officerId()).isEqualTo(officer(Fixtures.CASEWORKER).value());
    assertThat(assigned.timeline().get(0).text()).contains("Casey Worker");

    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          cases.assign(
              c.id(), team(Fixtures.HIGHWAYS), officer(Fixtures.HIGHWAYS_CASEWORKER), null);
          return null;
        });
    CaseView reassigned = view(c);
    assertThat(reassigned.summary().teamId()).isEqualTo(team(Fixtures.HIGHWAYS).value());
    assertThat(reassigned.summary().officerId())
        .isEqualTo(officer(Fixtures.HIGHWAYS_CASEWORKER).value());
  }

  @Test
  void assignToAnOfficerWhoIsNotInTheTeamIsInvalidAndChangesNothing() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    long events = events(c, null);

    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.CASEWORKER,
                    () -> {
                      cases.assign(
                          c.id(),
                          team(Fixtures.WASTE),
                          officer(Fixtures.HIGHWAYS_CASEWORKER),
                          null);
                      return null;
                    }))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("officer"));

    CaseView after = view(c);
    assertThat(after.summary().officerId()).isNull();
    assertThat(after.summary().teamId()).isEqualTo(team(Fixtures.WASTE).value());
    assertThat(events(c, null)).isEqualTo(events);
  }

  @Test
  void assigningNeedsCaseWorkPermission() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.AGENT,
                    () -> {
                      cases.assign(
                          c.id(), team(Fixtures.WASTE), officer(Fixtures.CASEWORKER), null);
                      return null;
                    }))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(view(c).summary().officerId()).isNull();
  }

  @Test
  void bulkAssignGivesEverySelectedCaseToTheOfficer() {
    List<CaseView> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(open(Fixtures.AGENT, binRequest(marker())));
    }

    int changed =
        signedIn.as(
            Fixtures.CASEWORKER,
            () ->
                cases.bulk(
                    three.stream().map(CaseView::id).toList(),
                    new BulkAction.Assign(
                        team(Fixtures.WASTE).value(), officer(Fixtures.CASEWORKER).value())));

    assertThat(changed).isEqualTo(3);
    for (CaseView c : three) {
      assertThat(view(c).summary().officerId()).isEqualTo(officer(Fixtures.CASEWORKER).value());
      assertThat(events(c, "case.assigned.v1")).isEqualTo(1);
    }
  }

  @Test
  void bulkStatusChangeIsAllOrNothingAndNamesTheCaseThatRefused() {
    // Opened in this order, so the closed case has the highest reference and is reached last.
    CaseView first = open(Fixtures.AGENT, binRequest(marker()));
    CaseView second = open(Fixtures.AGENT, binRequest(marker()));
    CaseView closed = open(Fixtures.AGENT, binRequest(marker()));
    move(closed, CaseStatus.RESOLVED, "Done");
    move(closed, CaseStatus.CLOSED, null);
    long firstTimeline = timeline(first, null);
    long secondTimeline = timeline(second, null);

    List<CaseId> selection = List.of(first.id(), second.id(), closed.id());
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.CASEWORKER,
                    () ->
                        cases.bulk(
                            selection,
                            new BulkAction.ChangeStatus(CaseStatus.ON_HOLD, "Crew off sick"))))
        .satisfies(e -> assertThat(describe(e)).contains(closed.reference()))
        .satisfies(
            e ->
                assertThat(describe(e))
                    .doesNotContain(first.reference())
                    .doesNotContain(second.reference()));

    assertThat(statusOf(first)).isEqualTo(CaseStatus.NEW);
    assertThat(statusOf(second)).isEqualTo(CaseStatus.NEW);
    assertThat(statusOf(closed)).isEqualTo(CaseStatus.CLOSED);
    assertThat(pausedAt(first)).isNull();
    assertThat(pausedAt(second)).isNull();
    assertThat(timeline(first, null)).isEqualTo(firstTimeline);
    assertThat(timeline(second, null)).isEqualTo(secondTimeline);
    assertThat(events(first, "case.status-changed.v1")).isZero();
    assertThat(events(second, "case.status-changed.v1")).isZero();
  }

  @Test
  void bulkActionsNeedTheBulkPermission() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.AGENT,
                    () ->
                        cases.bulk(
                            List.of(c.id()), new BulkAction.ChangeStatus(CaseStatus.OPEN, null))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(statusOf(c)).isEqualTo(CaseStatus.NEW);
  }

  // --- queues -----------------------------------------------------------------------------------

  @Test
  void teamQueueIsOrderedByDueDateAndPagedWithAKeysetCursor() {
    Set<UUID> mine = new HashSet<>();
    for (int i = 0; i < 55; i++) {
      mine.add(open(Fixtures.AGENT, potholeRequest(marker())).id().value());
    }

    List<CaseSummary> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      String cursor = after;
      QueuePage page =
          signedIn.as(
              Fixtures.HIGHWAYS_CASEWORKER,
              () ->
                  queues.team(team(Fixtures.HIGHWAYS), new QueueFilter(null, null, null, cursor)));
      assertThat(page.cases()).hasSizeLessThanOrEqualTo(CaseQueues.PAGE_SIZE);
      if (page.next() != null) {
        assertThat(page.cases()).hasSize(CaseQueues.PAGE_SIZE);
      }
      all.addAll(page.cases());
      after = page.next();
      pages++;
      assertThat(pages).as("pages").isLessThan(1000);
    } while (after != null);

    assertThat(pages).isGreaterThanOrEqualTo(2);
    List<UUID> ids = all.stream().map(s -> s.id().value()).toList();
    assertThat(ids).doesNotHaveDuplicates().containsAll(mine);
    assertThat(all.stream().map(CaseSummary::dueAt).toList()).isSorted();
    assertThat(all)
        .allSatisfy(
            s -> {
              assertThat(s.teamId()).isEqualTo(team(Fixtures.HIGHWAYS).value());
              assertThat(s.status().active()).isTrue();
            });
  }

  @Test
  void queueWithAnInvalidCursorIsInvalidInput() {
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.HIGHWAYS_CASEWORKER,
                    () ->
                        queues.team(
                            team(Fixtures.HIGHWAYS),
                            new QueueFilter(null, null, null, "definitely-not-a-cursor"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("after"));
  }

  @Test
  void breachedFilterReturnsOnlyCasesPastTheirDueDate() {
    CaseView late = open(Fixtures.AGENT, potholeRequest(marker()));
    CaseView fresh = open(Fixtures.AGENT, potholeRequest(marker()));
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    jdbc.sql("update service_case set due_at = ?, sla_risk_at = ? where id = ?")
        .params(
            Timestamp.from(twoDaysAgo),
            Timestamp.from(twoDaysAgo.minus(Duration.ofHours(2))),
            late.id().value())
        .update();

    List<CaseSummary> breached = wholeQueue(Fixtures.HIGHWAYS, "breached");

    Instant now = Instant.now();
    assertThat(breached).extracting(CaseSummary::id).contains(late.id()).doesNotContain(fresh.id());
    assertThat(breached).allSatisfy(s -> assertThat(s.dueAt()).isBefore(now));
    assertThat(breached)
        .filteredOn(s -> s.id().equals(late.id()))
        .singleElement()
        .extracting(CaseSummary::sla)
        .isEqualTo(SlaState.BREACHED);
    assertThat(wholeQueue(Fixtures.HIGHWAYS, "on-track"))
        .extracting(CaseSummary::id)
        .contains(fresh.id())
        .doesNotContain(late.id());
  }

  @Test
  void slaWatchMarksABreachOnceAndPublishesOneSlaBreached() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    jdbc.sql("update service_case set due_at = ?, sla_risk_at = ? where id = ?")
        .params(
            Timestamp.from(anHourAgo),
            Timestamp.from(anHourAgo.minus(Duration.ofHours(1))),
            c.id().value())
        .update();

    scanForBreaches();

    assertThat(instant("select sla_breached_at from service_case where id = ?", c)).isNotNull();
    assertThat(events(c, "case.sla-breached.v1")).isEqualTo(1);
    assertThat(timeline(c, "SLA")).isEqualTo(1);
    String payload =
        jdbc.sql(
                "select payload from outbox_event where event_type = 'case.sla-breached.v1'"
                    + " and aggregate_id = ?")
            .param(c.id().toString())
            .query(String.class)
            .single();
    assertThat(payload).contains(c.reference());

    scanForBreaches();

    assertThat(events(c, "case.sla-breached.v1")).isEqualTo(1);
    assertThat(timeline(c, "SLA")).isEqualTo(1);
  }

  @Test
  void slaWatchIgnoresAPausedClock() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    move(c, CaseStatus.ON_HOLD, null);
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    jdbc.sql("update service_case set due_at = ?, sla_risk_at = ? where id = ?")
        .params(Timestamp.from(anHourAgo), Timestamp.from(anHourAgo), c.id().value())
        .update();

    scanForBreaches();

    assertThat(instant("select sla_breached_at from service_case where id = ?", c)).isNull();
    assertThat(events(c, "case.sla-breached.v1")).isZero();
  }

  // --- attachments ------------------------------------------------------------------------------

  @Test
  void aPngIsStoredUnderTheDataDirectoryAndDownloadsWithTheSameBytes() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    byte[] png = png(2048);

    mvc.perform(
            multipart("/cases/" + c.reference() + "/attachments")
                .file(new MockMultipartFile("file", "bin.png", "image/png", png))
                .with(signedIn.request(Fixtures.CASEWORKER))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    var stored =
        jdbc.sql(
                "select id, storage_key, content_type, size_bytes, filename"
                    + " from case_attachment where case_id = ?")
            .param(c.id().value())
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5)
                    })
            .single();
    UUID id = (UUID) stored[0];
    Path root = system.dataDir().resolve("attachments").toAbsolutePath().normalize();
    Path file = root.resolve((String) stored[1]).normalize();
    assertThat(file).startsWith(root).exists();
    assertThat(Files.readAllBytes(file)).isEqualTo(png);
    assertThat(stored[2]).isEqualTo("image/png");
    assertThat(stored[3]).isEqualTo((long) png.length);
    assertThat(stored[4]).isEqualTo("bin.png");
    assertThat(timeline(c, "ATTACHMENT")).isEqualTo(1);

    MvcResult download =
        mvc.perform(
                get("/cases/" + c.reference() + "/attachments/" + id)
                    .with(signedIn.request(Fixtures.CASEWORKER)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);
    assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
    assertThat(download.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("bin.png");
  }

  @Test
  void aTextFileNamedPngIsRejectedByItsContent() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    byte[] text = "This is not a picture of a bin, it is plain text.\n".getBytes();

    String body =
        mvc.perform(
                multipart("/cases/" + c.reference() + "/attachments")
                    .file(new MockMultipartFile("file", "bin.png", "image/png", text))
                    .with(signedIn.request(Fixtures.CASEWORKER))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("must be a JPG, PNG, GIF, WebP or PDF");
    assertThat(body).contains("There is a problem");
    assertThat(attachmentRows(c)).isZero();
    assertThat(system.dataDir().resolve("attachments").resolve(c.id().toString()))
        .satisfiesAnyOf(
            dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
  }

  @Test
  void aFileOverTheSizeLimitIsRejected() {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));
    int limit = (int) properties.attachmentMaxSize().toBytes();
    byte[] big = png(limit + 1);

    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.CASEWORKER,
                    () ->
                        attachments.add(
                            c.id(), "huge.png", big.length, new ByteArrayInputStream(big))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsKey("file")
                    .extractingByKey("file")
                    .asString()
                    .contains("smaller than"));
    assertThat(attachmentRows(c)).isZero();

    CaseView.Attachment ok =
        signedIn.as(
            Fixtures.CASEWORKER,
            () -> attachments.add(c.id(), "fits.png", 4096, new ByteArrayInputStream(png(4096))));
    assertThat(ok.contentType()).isEqualTo("image/png");
    assertThat(attachmentRows(c)).isEqualTo(1);
  }

  // --- the case page ----------------------------------------------------------------------------

  @Test
  void casePageShowsTheSlaTagAndTheTimeline() throws Exception {
    String description = "Blue bin left at number " + letters(6);
    CaseView c = open(Fixtures.AGENT, withDescription(binRequest(marker()), description));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.addNote(c.id(), "Crew notified " + c.reference(), false);
          return null;
        });

    String body =
        mvc.perform(get("/cases/" + c.reference()).with(signedIn.request(Fixtures.CASEWORKER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("id=\"sla-state\"");
    assertThat(body).contains(SlaState.ON_TRACK.tagClass()).contains(SlaState.ON_TRACK.label());
    assertThat(body).contains("borough-timeline");
    assertThat(body).contains("Case raised").contains("Crew notified " + c.reference());
    assertThat(body).contains(description);
    assertThat(body).contains(c.reference());
  }

  @Test
  void anUnknownReferenceGivesThe404PageWithoutAStackTrace() throws Exception {
    String body =
        mvc.perform(get("/cases/BR-1999-999999").with(signedIn.request(Fixtures.CASEWORKER)))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("Page not found");
    assertThat(body).doesNotContain("Exception", "at org.", "at java.", "NotFound");
  }

  @Test
  void anAgentCannotChangeACasesStatus() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    mvc.perform(
            post("/cases/" + c.reference() + "/status")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf())
                .param("status", "OPEN"))
        .andExpect(status().isForbidden());

    assertThat(statusOf(c)).isEqualTo(CaseStatus.NEW);
  }

  @Test
  void aCaseworkerChangesStatusFromTheCasePage() throws Exception {
    CaseView c = open(Fixtures.AGENT, binRequest(marker()));

    MvcResult result =
        mvc.perform(
                post("/cases/" + c.reference() + "/status")
                    .with(signedIn.request(Fixtures.CASEWORKER))
                    .with(csrf())
                    .param("status", "RESOLVED")
                    .param("statusNote", "")
                    .param("version", "0"))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getContentAsString())
        .contains("There is a problem")
        .contains("href=\"#statusNote\"");
    assertThat(statusOf(c)).isEqualTo(CaseStatus.NEW);

    mvc.perform(
            post("/cases/" + c.reference() + "/status")
                .with(signedIn.request(Fixtures.CASEWORKER))
                .with(csrf())
                .param("status", "IN_PROGRESS")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(c)).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void assertRefused(NewCase request, String field, String marker) {
    long before = maxPosition();
    assertThatThrownBy(() -> signedIn.as(Fixtures.AGENT, () -> cases.open(request)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey(field));
    assertThat(casesWithAddress(marker)).isZero();
    assertThat(caseOpenedEventsSince(before)).isZero();
  }

  private long maxPosition() {
    return jdbc.sql("select coalesce(max(position), 0) from outbox_event")
        .query(Long.class)
        .single();
  }

  private long caseOpenedEventsSince(long position) {
    return jdbc.sql(
            "select count(*) from outbox_event where event_type = 'case.opened.v1' and position > ?")
        .param(position)
        .query(Long.class)
        .single();
  }

  private long casesWithAddress(String marker) {
    return jdbc.sql("select count(*) from service_case where address = ?")
        .param(marker)
        .query(Long.class)
        .single();
  }

  private List<CaseSummary> wholeQueue(String teamCode, String sla) {
    List<CaseSummary> all = new ArrayList<>();
    String after = null;
    do {
      String cursor = after;
      QueuePage page =
          signedIn.as(
              Fixtures.SUPERVISOR,
              () -> queues.team(team(teamCode), new QueueFilter(null, null, sla, cursor)));
      all.addAll(page.cases());
      after = page.next();
    } while (after != null);
    return all;
  }

  private void scanForBreaches() throws Exception {
    SlaScan.now(context);
  }

  private static String describe(Throwable e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    if (e instanceof InvalidInputException invalid) {
      invalid.errors().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    }
    return s.toString();
  }

  private CaseView open(String who, NewCase request) {
    return signedIn.as(who, () -> cases.open(request));
  }

  private CaseView view(CaseView c) {
    return signedIn.as(Fixtures.CASEWORKER, () -> cases.view(c.id()));
  }

  private void move(CaseView c, CaseStatus to, String note) {
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(c.id(), to, note, false, null, null);
          return null;
        });
  }

  private CaseStatus statusOf(CaseView c) {
    return CaseStatus.valueOf(
        jdbc.sql("select status from service_case where id = ?")
            .param(c.id().value())
            .query(String.class)
            .single());
  }

  private Instant pausedAt(CaseView c) {
    return instant("select sla_paused_at from service_case where id = ?", c);
  }

  private Instant instant(String sql, CaseView c) {
    return jdbc.sql(sql)
        .param(c.id().value())
        .query(
            (rs, i) -> {
              Timestamp t = rs.getTimestamp(1);
              return t == null ? null : t.toInstant();
            })
        .list()
        .get(0);
  }

  private long timeline(CaseView c, String kind) {
    if (kind == null) {
      return jdbc.sql("select count(*) from case_timeline where case_id = ?")
          .param(c.id().value())
          .query(Long.class)
          .single();
    }
    return jdbc.sql("select count(*) from case_timeline where case_id = ? and kind = ?")
        .params(c.id().value(), kind)
        .query(Long.class)
        .single();
  }

  private long events(CaseView c, String type) {
    if (type == null) {
      return jdbc.sql(
              "select count(*) from outbox_event where aggregate_type = 'case'"
                  + " and aggregate_id = ?")
          .param(c.id().toString())
          .query(Long.class)
          .single();
    }
    return jdbc.sql(
            "select count(*) from outbox_event where aggregate_type = 'case'"
                + " and aggregate_id = ? and event_type = ?")
        .params(c.id().toString(), type)
        .query(Long.class)
        .single();
  }

  private long attachmentRows(CaseView c) {
    return jdbc.sql("select count(*) from case_attachment where case_id = ?")
        .param(c.id().value())
        .query(Long.class)
        .single();
  }

  private TeamId team(String code) {
    return staff.findTeamByCode(code).orElseThrow().id();
  }

  private StaffId officer(String username) {
    return staff.findByUsername(username).orElseThrow().id();
  }

  /** A unique address, so a refused request can be shown to have saved no row. */
  private static String marker() {
    return "1 Marker Street " + letters(12);
  }

  private static NewCase request(
      String service, String address, Map<String, List<String>> answers) {
    return new NewCase(
        service,
        null,
        "Bin not collected on the usual day",
        address,
        null,
        null,
        null,
        null,
        answers,
        null,
        null,
        null,
        null);
  }

  private static NewCase binRequest(String address) {
    return request(Fixtures.MISSED_BIN, address, Map.of("bin_type", List.of("recycling")));
  }

  private static NewCase potholeRequest(String address) {
    return new NewCase(
        Fixtures.POTHOLE,
        null,
        "Deep pothole by the bus stop",
        address,
        null,
        new BigDecimal("51.501000"),
        new BigDecimal("-0.141000"),
        Fixtures.WARD,
        Map.of("depth_cm", List.of("7.5"), "hazards", List.of("cyclists", "pedestrians")),
        null,
        null,
        null,
        null);
  }

  private static NewCase withDescription(NewCase r, String description) {
    return new NewCase(
        r.serviceCode(),
        r.resident(),
        description,
        r.address(),
        r.uprn(),
        r.latitude(),
        r.longitude(),
        r.wardCode(),
        r.answers(),
        r.priority(),
        r.team(),
        r.channel(),
        r.contactId());
  }

  private static NewCase withLocation(NewCase r, BigDecimal latitude, BigDecimal longitude) {
    return new NewCase(
        r.serviceCode(),
        r.resident(),
        r.description(),
        r.address(),
        r.uprn(),
        latitude,
        longitude,
        r.wardCode(),
        r.answers(),
        r.priority(),
        r.team(),
        r.channel(),
        r.contactId());
  }

  /** The PNG signature and an IHDR chunk header, then filler up to {@code size} bytes. */
  private static byte[] png(int size) {
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    byte[] bytes = new byte[size];
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
