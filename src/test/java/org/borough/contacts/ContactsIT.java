// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.residents.Channel;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Contacts: logging and its validation, first-contact resolution, links to cases (by reference and
 * by raising a case from the contact), the outbox event, and contacts following a merge.
 */
class ContactsIT extends IntegrationTest {

  private static final Pattern CASE_URL = Pattern.compile("/cases/(BR-\\d{4}-\\d{6,})");

  @Autowired ContactLog contacts;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void signOut() {
    SignedIn.leave();
  }

  @Test
  void logRejectsAMissingChannelDirectionAndOutcomeAndSavesNothing() {
    ResidentId resident = registerResident();
    String summary = summary();

    assertThatThrownBy(
            () -> log(new NewContact(resident, null, null, null, null, 60, null, summary)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsKeys("channel", "direction", "outcome"));
    assertThat(contactsWithSummary(summary)).isZero();
    assertThat(contactsOf(resident)).isZero();
  }

  @Test
  void logRejectsAnUnknownResident() {
    String summary = summary();

    assertThatThrownBy(
            () ->
                log(
                    call(
                        new ResidentId(UUID.randomUUID()),
                        null,
                        ContactOutcome.INFORMATION_GIVEN,
                        summary)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("resident"));
    assertThat(contactsWithSummary(summary)).isZero();
  }

  @Test
  void logRecordsTheContactAgainstTheResidentWithTheAgentAndDuration() {
    ResidentId resident = registerResident();
    String summary = summary();

    Contact logged = log(call(resident, null, ContactOutcome.INFORMATION_GIVEN, summary));

    Map<String, Object> row = contactRow(logged.id().value());
    assertThat(row.get("resident_id")).isEqualTo(resident.value());
    assertThat(row.get("case_id")).isNull();
    assertThat(row.get("agent")).isEqualTo(Fixtures.AGENT);
    assertThat(row.get("channel")).isEqualTo("PHONE");
    assertThat(row.get("direction")).isEqualTo("INBOUND");
    assertThat(row.get("outcome")).isEqualTo("INFORMATION_GIVEN");
    assertThat(((Number) row.get("duration_seconds")).intValue()).isEqualTo(240);
    assertThat(row.get("summary")).isEqualTo(summary);
    assertThat(
            signedIn.as(Fixtures.AGENT, () -> contacts.ofResident(resident, 10)).stream()
                .map(Contact::id))
        .contains(logged.id());
  }

  @Test
  void resolvedAtFirstContactIsRecordedOnlyForOutcomesThatResolve() {
    ResidentId resident = registerResident();

    Contact resolved =
        log(call(resident, null, ContactOutcome.RESOLVED_AT_FIRST_CONTACT, summary()));
    Contact referred = log(call(resident, null, ContactOutcome.REFERRED, summary()));

    assertThat(resolved.resolvedAtFirstContact()).isTrue();
    assertThat(contactRow(resolved.id().value()).get("resolved_at_first_contact")).isEqualTo(true);
    assertThat(referred.resolvedAtFirstContact()).isFalse();
    assertThat(contactRow(referred.id().value()).get("resolved_at_first_contact")).isEqualTo(false);
  }

  @Test
  void logLinkedToACaseReferenceAddsAContactEntryToTheCaseTimeline() {
    ResidentId resident = registerResident();
    CaseView raised = signedIn.as(Fixtures.AGENT, () -> cases.open(missedBin(resident, null)));
    long before = contactEntries(raised);

    Contact logged =
        log(
            call(
                resident,
                " " + raised.reference().toLowerCase() + " ",
                ContactOutcome.CASE_UPDATED,
                "Chased the missed bin"));

    assertThat(logged.caseId()).isEqualTo(raised.id().value());
    assertThat(contactRow(logged.id().value()).get("case_id")).isEqualTo(raised.id().value());
    assertThat(contactEntries(raised)).isEqualTo(before + 1);
    CaseView after = signedIn.as(Fixtures.CASEWORKER, () -> cases.view(raised.id()));
    assertThat(after.timeline())
        .filteredOn(t -> t.kind().equals("CONTACT"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.actor()).isEqualTo(Fixtures.AGENT);
              assertThat(t.text()).contains("Phone");
            });
  }

  @Test
  void logWithAnUnknownCaseReferenceIsRejectedAndSavesNothing() {
    ResidentId resident = registerResident();
    String summary = summary();

    assertThatThrownBy(
            () -> log(call(resident, "BR-1999-999999", ContactOutcome.CASE_UPDATED, summary)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("caseReference"));
    assertThat(contactsWithSummary(summary)).isZero();
    assertThat(contactsOf(resident)).isZero();
  }

  @Test
  void caseRaisedInTheConsoleContinuesToTheRaiseFormAndTheNewCaseLinksBack() throws Exception {
    ResidentId resident = registerResident();
    String summary = summary();

    String next =
        mvc.perform(
                post("/residents/" + resident + "/contacts/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("channel", "PHONE")
                    .param("direction", "INBOUND")
                    .param("outcome", "CASE_RAISED")
                    .param("durationMinutes", "3")
                    .param("summary", summary))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    assertThat(next).startsWith("/cases/new?contact=");
    assertThat(next).contains("resident=" + resident).contains("channel=PHONE");
    UUID contactId = UUID.fromString(next.substring("/cases/new?contact=".length()).split("&")[0]);
    Map<String, Object> pending = contactRow(contactId);
    assertThat(pending.get("summary")).isEqualTo(summary);
    assertThat(pending.get("case_id")).isNull();
    assertThat(pending.get("outcome")).isEqualTo("CASE_RAISED");
    mvc.perform(get(next).with(signedIn.request(Fixtures.AGENT))).andExpect(status().isOk());

    String caseUrl =
        mvc.perform(
                post("/cases/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("service", Fixtures.MISSED_BIN)
                    .param("resident", resident.toString())
                    .param("contact", contactId.toString())
                    .param("channel", "PHONE")
                    .param("attr-bin_type", "general")
                    .param("description", "Black bin missed on Monday"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    Matcher m = CASE_URL.matcher(caseUrl);
    assertThat(m.matches()).as(caseUrl).isTrue();
    UUID caseId = caseIdOf(m.group(1));
    Map<String, Object> linked = contactRow(contactId);
    assertThat(linked.get("case_id")).isEqualTo(caseId);
    assertThat(linked.get("outcome")).isEqualTo("CASE_RAISED");
    assertThat(linked.get("resolved_at_first_contact")).isEqualTo(false);
    assertThat(
            jdbc.sql("select resident_id from service_case where id = ?")
                .param(caseId)
                .query(UUID.class)
                .single())
        .isEqualTo(resident.value());
    String opened =
        jdbc.sql(
                "select payload from outbox_event where event_type = 'case.opened.v1'"
                    + " and aggregate_id = ?")
            .param(caseId.toString())
            .query(String.class)
            .single();
    assertThat(opened).contains(contactId.toString());
  }

  @Test
  void aCaseRaisedThroughTheServiceWithAContactIdLinksThatContact() {
    ResidentId resident = registerResident();
    Contact contact = log(call(resident, null, ContactOutcome.CASE_RAISED, summary()));
    assertThat(contact.caseId()).isNull();

    CaseView raised =
        signedIn.as(Fixtures.AGENT, () -> cases.open(missedBin(resident, contact.id().value())));

    assertThat(contactRow(contact.id().value()).get("case_id")).isEqualTo(raised.id().value());
  }

  @Test
  void contactLoggedEventCarriesNoSummaryText() {
    ResidentId resident = registerResident();
    String summary = "Private matter " + letters(16);

    Contact logged = log(call(resident, null, ContactOutcome.REFERRED, summary));

    List<String> payloads =
        jdbc.sql(
                "select payload from outbox_event where event_type = 'contact.logged.v1'"
                    + " and aggregate_type = 'contact' and aggregate_id = ?")
            .param(logged.id().toString())
            .query(String.class)
            .list();
    assertThat(payloads).hasSize(1);
    assertThat(payloads.get(0))
        .doesNotContain(summary)
        .doesNotContainIgnoringCase("private matter")
        .contains("REFERRED")
        .contains(resident.toString());
  }

  @Test
  void mergingResidentsMovesTheDuplicatesContactsToTheKeptRecord() {
    ResidentId keep = registerResident();
    ResidentId duplicate = registerResident();
    Contact first = log(call(duplicate, null, ContactOutcome.INFORMATION_GIVEN, summary()));
    Contact second = log(call(duplicate, null, ContactOutcome.NO_ACTION, summary()));
    Contact kept = log(call(keep, null, ContactOutcome.INFORMATION_GIVEN, summary()));

    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep, duplicate);
          return null;
        });

    for (Contact c : List.of(first, second, kept)) {
      assertThat(contactRow(c.id().value()).get("resident_id")).isEqualTo(keep.value());
    }
    assertThat(contactsOf(duplicate)).isZero();
    assertThat(signedIn.as(Fixtures.AGENT, () -> contacts.ofResident(keep, 50)))
        .extracting(Contact::id)
        .contains(first.id(), second.id(), kept.id());
  }

  @Test
  void aContactLoggedForAMergedRecordIsFiledUnderTheKeptOne() {
    ResidentId keep = registerResident();
    ResidentId duplicate = registerResident();
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep, duplicate);
          return null;
        });

    Contact logged = log(call(duplicate, null, ContactOutcome.INFORMATION_GIVEN, summary()));

    assertThat(logged.residentId()).isEqualTo(keep.value());
    assertThat(contactRow(logged.id().value()).get("resident_id")).isEqualTo(keep.value());
  }

  @Test
  void theLogContactPageShowsAnErrorSummaryWhenTheOutcomeIsMissing() throws Exception {
    ResidentId resident = registerResident();
    String summary = summary();

    String body =
        mvc.perform(
                post("/residents/" + resident + "/contacts/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("channel", "PHONE")
                    .param("direction", "INBOUND")
                    .param("summary", summary))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("There is a problem").contains("href=\"#outcome\"");
    assertThat(contactsWithSummary(summary)).isZero();
  }

  // --- helpers ----------------------------------------------------------------------------------

  private Contact log(NewContact request) {
    return signedIn.as(Fixtures.AGENT, () -> contacts.log(request));
  }

  private static NewContact call(
      ResidentId resident, String caseReference, ContactOutcome outcome, String summary) {
    return new NewContact(
        resident, caseReference, Channel.PHONE, Direction.INBOUND, null, 240, outcome, summary);
  }

  private static NewCase missedBin(ResidentId resident, UUID contact) {
    return new NewCase(
        Fixtures.MISSED_BIN,
        resident,
        "Recycling bin not emptied",
        null,
        null,
        null,
        null,
        null,
        Map.of("bin_type", List.of("recycling")),
        null,
        null,
        Channel.PHONE,
        contact);
  }

  private ResidentId registerResident() {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            residents.register(
                new ResidentDetails(
                    "Carol",
                    "Contact" + letters(8),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  private Map<String, Object> contactRow(UUID id) {
    return jdbc.sql(
            "select resident_id, case_id, agent, channel, direction, outcome, duration_seconds,"
                + " resolved_at_first_contact, summary from contact where id = ?")
        .param(id)
        .query(
            (rs, i) -> {
              Map<String, Object> row = new java.util.HashMap<>();
              row.put("resident_id", rs.getObject(1, UUID.class));
              row.put("case_id", rs.getObject(2, UUID.class));
              row.put("agent", rs.getString(3));
              row.put("channel", rs.getString(4));
              row.put("direction", rs.getString(5));
              row.put("outcome", rs.getString(6));
              row.put("duration_seconds", rs.getObject(7) == null ? null : rs.getInt(7));
              row.put("resolved_at_first_contact", rs.getBoolean(8));
              row.put("summary", rs.getString(9));
              return row;
            })
        .single();
  }

  private long contactsWithSummary(String summary) {
    return jdbc.sql("select count(*) from contact where summary = ?")
        .param(summary)
        .query(Long.class)
        .single();
  }

  private long contactsOf(ResidentId resident) {
    return jdbc.sql("select count(*) from contact where resident_id = ?")
        .param(resident.value())
        .query(Long.class)
        .single();
  }

  private long contactEntries(CaseView c) {
    return jdbc.sql("select count(*) from case_timeline where case_id = ? and kind = 'CONTACT'")
        .param(c.id().value())
        .query(Long.class)
        .single();
  }

  private UUID caseIdOf(String reference) {
    return jdbc.sql("select id from service_case where reference = ?")
        .param(reference)
        .query(UUID.class)
        .single();
  }

  private static String summary() {
    return "Resident called about " + letters(12);
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
