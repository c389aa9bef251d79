// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.ConflictException;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Residents: registration and its validation, duplicate detection, search with keyset pages, merge,
 * vulnerability flags, audit of views, the register page and optimistic locking.
 */
class ResidentsIT extends IntegrationTest {

  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired ContactLog contacts;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void signOut() {
    SignedIn.leave();
  }

  // --- registration and validation --------------------------------------------------------------

  @Test
  void registerRejectsEveryInvalidFieldAtOnceAndSavesNothing() {
    String marker = "needs-" + letters(12);
    ResidentDetails bad =
        new ResidentDetails(
            " ",
            null,
            null,
            "not-an-email",
            "12345",
            "1 High Street",
            null,
            null,
            "NOT A POSTCODE",
            null,
            null,
            null,
            null,
            marker,
            null);

    assertThatThrownBy(() -> signedIn.as(Fixtures.AGENT, () -> residents.register(bad)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsKeys("forename", "surname", "email", "phone", "postcode"));
    assertThat(
            jdbc.sql("select count(*) from resident where accessibility_needs = ?")
                .param(marker)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void registerWithOnlyABadPostcodeInsertsNoResidentRow() {
    String surname = surname("Nopost");
    ResidentDetails bad =
        details("Jane", surname, "jane." + letters(8) + "@example.org", null, "SW1A 1A");

    assertThatThrownBy(() -> signedIn.as(Fixtures.AGENT, () -> residents.register(bad)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsOnlyKeys("postcode"));
    assertThat(countBySurname(surname)).isZero();
    assertThat(
            jdbc.sql("select count(*) from resident_email where email = ?")
                .param(bad.email())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void registerNormalisesPhonePostcodeAndEmailBeforeSaving() {
    String local = "Jane.Smith." + letters(6);
    String digits = sixDigits();
    ResidentDetails input =
        details(
            "Jane",
            surname("Normal"),
            "  " + local + "@Example.ORG ",
            "07700 " + digits,
            "  sw1a1aa ");

    ResidentId id = signedIn.as(Fixtures.AGENT, () -> residents.register(input));

    assertThat(stored("select email from resident_email where resident_id = ?", id))
        .containsExactly(local.toLowerCase() + "@example.org");
    assertThat(stored("select phone from resident_phone where resident_id = ?", id))
        .containsExactly("+447700" + digits);
    assertThat(stored("select postcode from resident_address where resident_id = ?", id))
        .containsExactly("SW1A 1AA");
    Resident viewed = signedIn.as(Fixtures.AGENT, () -> residents.view(id));
    assertThat(viewed.emails()).containsExactly(local.toLowerCase() + "@example.org");
    assertThat(viewed.phones()).containsExactly("+447700" + digits);
    assertThat(viewed.primaryAddress().postcode()).isEqualTo("SW1A 1AA");
  }

  // --- duplicates -------------------------------------------------------------------------------

  @Test
  void possibleDuplicatesFindsSomeoneWithTheSameEmail() {
    Person jane = registerJane();

    List<ResidentSummary> found =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.possibleDuplicates(
                    details("Someone", surname("Other"), jane.email.toUpperCase(), null, null)));

    assertThat(ids(found)).contains(jane.id);
  }

  @Test
  void possibleDuplicatesFindsSomeoneWithTheSamePhoneWrittenDifferently() {
    Person jane = registerJane();
    String international =
        "+44 (0)7700 " + jane.phoneDigits.substring(0, 3) + "-" + jane.phoneDigits.substring(3);

    List<ResidentSummary> found =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.possibleDuplicates(
                    details("Someone", surname("Other"), null, international, null)));

    assertThat(ids(found)).contains(jane.id);
  }

  @Test
  void possibleDuplicatesFindsASimilarNameAtTheSamePostcode() {
    Person jane = registerJane();
    // 'Jan' is a prefix of 'Jane'; the surname has one letter changed at its end.
    String typo = jane.surname.substring(0, jane.surname.length() - 1) + "x";
    String postcode = jane.postcode.toLowerCase().replace(" ", "");

    List<ResidentSummary> found =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.possibleDuplicates(details("Jan", typo, null, null, postcode)));

    assertThat(ids(found)).contains(jane.id);
  }

  @Test
  void possibleDuplicatesDoesNotFindADifferentPerson() {
    Person jane = registerJane();

    List<ResidentSummary> samePostcode =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.possibleDuplicates(
                    details(
                        "Robert",
                        surname("Quinton"),
                        "robert." + letters(8) + "@example.org",
                        "07700 " + sixDigits(),
                        jane.postcode)));
    List<ResidentSummary> sameNameElsewhere =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.possibleDuplicates(
                    details("Jane", jane.surname, null, null, randomPostcode())));

    assertThat(ids(samePostcode)).doesNotContain(jane.id);
    assertThat(ids(sameNameElsewhere)).doesNotContain(jane.id);
  }

  // --- search -----------------------------------------------------------------------------------

  @Test
  void searchFindsByNamePrefixForenameSurnameAndSurnameCommaForename() {
    Person jane = registerJane();
    ResidentId john =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(details("John", jane.surname, null, null, null)));
    String surname = jane.surname.toLowerCase();

    ResidentSearch byPrefix = search(surname.substring(0, surname.length() - 2), null);
    ResidentSearch byFullName = search("jane " + surname, null);
    ResidentSearch bySurnameComma = search(jane.surname + ", Jane", null);
    ResidentSearch byShortForename = search("Jan " + jane.surname, null);

    assertThat(byPrefix.interpretedAs()).isEqualTo("name");
    assertThat(ids(byPrefix.results())).contains(jane.id, john);
    assertThat(ids(byFullName.results())).contains(jane.id).doesNotContain(john);
    assertThat(ids(bySurnameComma.results())).contains(jane.id).doesNotContain(john);
    assertThat(ids(byShortForename.results())).contains(jane.id).doesNotContain(john);
  }

  @Test
  void searchFindsByPostcodeWhateverTheSpacingAndCase() {
    Person jane = registerJane();
    String compact = jane.postcode.replace(" ", "");

    for (String q :
        List.of(jane.postcode, compact.toLowerCase(), " " + jane.postcode.toLowerCase() + " ")) {
      ResidentSearch result = search(q, null);
      assertThat(result.interpretedAs()).as(q).isEqualTo("postcode");
      assertThat(ids(result.results())).as(q).contains(jane.id);
    }
  }

  @Test
  void searchFindsByPhoneInAnyUkFormat() {
    Person jane = registerJane();
    String d = jane.phoneDigits;

    for (String q :
        List.of(
            "07700" + d,
            "07700 " + d,
            "+44 7700 " + d,
            "+447700" + d,
            "0044 7700 " + d,
            "(07700) " + d.substring(0, 3) + "-" + d.substring(3))) {
      ResidentSearch result = search(q, null);
      assertThat(result.interpretedAs()).as(q).isEqualTo("phone");
      assertThat(ids(result.results())).as(q).contains(jane.id);
    }
  }

  @Test
  void searchFindsByEmailIgnoringCase() {
    Person jane = registerJane();

    ResidentSearch result = search(jane.email.toUpperCase(), null);

    assertThat(result.interpretedAs()).isEqualTo("email");
    assertThat(ids(result.results())).containsExactly(jane.id);
  }

  @Test
  void searchPagesThirtyMatchesAsTwentyFiveThenFiveWithoutDuplicates() {
    String surname = surname("Page");
    List<ResidentId> created = registerThirty(surname, null);

    ResidentSearch first = search(surname, null);
    assertThat(first.results()).hasSize(ResidentManagement.PAGE_SIZE).hasSize(25);
    assertThat(first.next()).isNotBlank();
    ResidentSearch second = search(surname, first.next());
    assertThat(second.results()).hasSize(5);
    assertThat(second.next()).isNull();

    List<ResidentId> all = new ArrayList<>(ids(first.results()));
    all.addAll(ids(second.results()));
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    List<String> keys = new ArrayList<>();
    first.results().forEach(r -> keys.add(r.sortKey()));
    second.results().forEach(r -> keys.add(r.sortKey()));
    assertThat(keys).isSorted();
  }

  @Test
  void searchByASharedPhonePagesInNameOrderFollowsARenameAndLeavesOutMergedRecords() {
    String surname = surname("Shared");
    String phone = "07700 " + sixDigits();
    List<ResidentId> created = registerThirty(surname, phone);
    ResidentId renamed = created.get(0);
    int version = signedIn.as(Fixtures.AGENT, () -> residents.view(renamed)).version();
    signedIn.as(
        Fixtures.AGENT,
        () -> {
          residents.update(renamed, details("Zoe", surname, null, phone, null), version);
          return null;
        });
    ResidentId merged = created.get(1);
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(created.get(2), merged);
          return null;
        });

    ResidentSearch first = search(phone, null);
    ResidentSearch second = search(phone, first.next());

    assertThat(first.interpretedAs()).isEqualTo("phone");
    assertThat(first.results()).hasSize(25);
    assertThat(second.results()).hasSize(4);
    assertThat(second.next()).isNull();
    List<ResidentSummary> all = new ArrayList<>(first.results());
    all.addAll(second.results());
    assertThat(ids(all)).doesNotHaveDuplicates().doesNotContain(merged).contains(renamed);
    assertThat(all.stream().map(ResidentSummary::sortKey).toList()).isSorted();
    assertThat(all.get(all.size() - 1).id()).as("renamed Zoe sorts last").isEqualTo(renamed);
  }

  @Test
  void searchWithAnInvalidCursorIsInvalidInput() {
    for (String cursor : List.of("not a cursor!", "bm90LWEtY3Vyc29y", "%%%")) {
      assertThatThrownBy(() -> search("smith", cursor))
          .as(cursor)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.errors()).containsKey("after"));
    }
  }

  // --- merge ------------------------------------------------------------------------------------

  @Test
  void mergeMovesCasesAndContactsAuditsBothRecordsAndPublishesResidentsMerged() {
    Person keep = registerJane();
    Person duplicate = registerJane();
    CaseView raised = signedIn.as(Fixtures.AGENT, () -> cases.open(missedBin(duplicate.id)));
    Contact contact = signedIn.as(Fixtures.AGENT, () -> contacts.log(phoneCall(duplicate.id)));

    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep.id, duplicate.id);
          return null;
        });

    assertThat(residentOfCase(raised.id().value())).isEqualTo(keep.id.value());
    assertThat(
            jdbc.sql("select resident_id from contact where id = ?")
                .param(contact.id().value())
                .query(UUID.class)
                .single())
        .isEqualTo(keep.id.value());
    assertThat(
            jdbc.sql("select merged_into from resident where id = ?")
                .param(duplicate.id.value())
                .query(UUID.class)
                .single())
        .isEqualTo(keep.id.value());
    assertThat(auditCount("MERGE", keep.id, null)).isEqualTo(1);
    assertThat(auditCount("MERGE", duplicate.id, null)).isEqualTo(1);
    List<String> payloads =
        jdbc.sql(
                "select payload from outbox_event where event_type = 'resident.merged.v1'"
                    + " and aggregate_id = ?")
            .param(keep.id.toString())
            .query(String.class)
            .list();
    assertThat(payloads).hasSize(1);
    assertThat(payloads.get(0)).contains(duplicate.id.toString());
    assertThat(payloads.get(0)).doesNotContain(keep.surname, "Jane", keep.email);
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where event_type = 'case.resident-changed.v1'"
                        + " and aggregate_id = ?")
                .param(raised.id().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    Resident viaDuplicate = signedIn.as(Fixtures.SUPERVISOR, () -> residents.view(duplicate.id));
    assertThat(viaDuplicate.id()).isEqualTo(keep.id);
    assertThat(viaDuplicate.emails()).contains(keep.email, duplicate.email);
  }

  @Test
  void viewingAMergedResidentInTheConsoleRedirectsToTheKeptRecord() throws Exception {
    Person keep = registerJane();
    Person duplicate = registerJane();
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep.id, duplicate.id);
          return null;
        });

    MvcResult result =
        mvc.perform(get("/residents/" + duplicate.id).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().is3xxRedirection())
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/residents/" + keep.id);
    mvc.perform(get("/residents/" + keep.id).with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isOk());
  }

  @Test
  void mergeRequiresTheResidentMergePermission() {
    Person keep = registerJane();
    Person duplicate = registerJane();

    for (String who : List.of(Fixtures.AGENT, Fixtures.CASEWORKER)) {
      assertThatThrownBy(
              () ->
                  signedIn.as(
                      who,
                      () -> {
                        residents.merge(keep.id, duplicate.id);
                        return null;
                      }))
          .as(who)
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(
            jdbc.sql("select count(*) from resident where id = ? and merged_into is null")
                .param(duplicate.id.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(auditCount("MERGE", duplicate.id, null)).isZero();
  }

  @Test
  void mergingARecordThatWasAlreadyMergedIsRefusedAndChangesNothing() {
    Person keep = registerJane();
    Person duplicate = registerJane();
    Person third = registerJane();
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> {
          residents.merge(keep.id, duplicate.id);
          return null;
        });
    long audits = auditCount("MERGE", third.id, null);

    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.SUPERVISOR,
                    () -> {
                      residents.merge(third.id, duplicate.id);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.SUPERVISOR,
                    () -> {
                      residents.merge(keep.id, keep.id);
                      return null;
                    }))
        .isInstanceOf(InvalidInputException.class);
    assertThat(
            jdbc.sql("select merged_into from resident where id = ?")
                .param(duplicate.id.value())
                .query(UUID.class)
                .single())
        .isEqualTo(keep.id.value());
    assertThat(auditCount("MERGE", third.id, null)).isEqualTo(audits);
  }

  // --- vulnerability flags ----------------------------------------------------------------------

  @Test
  void vulnerabilityFlagsAreVisibleToACaseworker() {
    ResidentId id = registerWithFlag(Fixtures.CASEWORKER);

    Resident seen = signedIn.as(Fixtures.CASEWORKER, () -> residents.view(id));

    assertThat(seen.vulnerabilities())
        .extracting(Vulnerability::kind)
        .containsExactly(Vulnerability.Kind.SAFEGUARDING);
    assertThat(seen.vulnerabilitiesHidden()).isFalse();
  }

  @Test
  void vulnerabilityFlagsAreHiddenFromAnAgent() {
    ResidentId id = registerWithFlag(Fixtures.CASEWORKER);

    Resident seen = signedIn.as(Fixtures.AGENT, () -> residents.view(id));

    assertThat(seen.vulnerabilities()).isEmpty();
    assertThat(seen.vulnerabilitiesHidden()).isTrue();
  }

  @Test
  void vulnerabilityFlagsSentByAnAgentAreNotSaved() {
    ResidentId id = registerWithFlag(Fixtures.AGENT);

    Resident seen = signedIn.as(Fixtures.CASEWORKER, () -> residents.view(id));

    assertThat(seen.vulnerabilities()).isEmpty();
    assertThat(seen.vulnerabilitiesHidden()).isFalse();
  }

  @Test
  void agentSeesNoHiddenMarkerWhenTheResidentHasNoFlags() {
    Person jane = registerJane();

    Resident seen = signedIn.as(Fixtures.AGENT, () -> residents.view(jane.id));

    assertThat(seen.vulnerabilities()).isEmpty();
    assertThat(seen.vulnerabilitiesHidden()).isFalse();
  }

  // --- audit ------------------------------------------------------------------------------------

  @Test
  void everyViewWritesAnAuditViewRowWithTheActorAndTheResident() {
    Person jane = registerJane();
    long agentBefore = auditCount("VIEW", jane.id, Fixtures.AGENT);
    long caseworkerBefore = auditCount("VIEW", jane.id, Fixtures.CASEWORKER);

    signedIn.as(Fixtures.AGENT, () -> residents.view(jane.id));
    signedIn.as(Fixtures.AGENT, () -> residents.view(jane.id));
    signedIn.as(Fixtures.CASEWORKER, () -> residents.view(jane.id));

    assertThat(auditCount("VIEW", jane.id, Fixtures.AGENT)).isEqualTo(agentBefore + 2);
    assertThat(auditCount("VIEW", jane.id, Fixtures.CASEWORKER)).isEqualTo(caseworkerBefore + 1);
  }

  @Test
  void theSingleViewPageIsAuditedWithWhoAndFromWhere() throws Exception {
    Person jane = registerJane();
    long before = auditCount("VIEW", jane.id, Fixtures.AGENT);

    String body =
        mvc.perform(get("/residents/" + jane.id).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains(jane.surname);
    assertThat(auditCount("VIEW", jane.id, Fixtures.AGENT)).isEqualTo(before + 1);
    String from =
        jdbc.sql(
                "select remote_address from audit_log where action = 'VIEW'"
                    + " and subject_type = 'resident' and subject_id = ? and actor = ?"
                    + " order by id desc fetch first 1 rows only")
            .params(jane.id.toString(), Fixtures.AGENT)
            .query(String.class)
            .single();
    assertThat(from).isNotBlank();
  }

  // --- the register page ------------------------------------------------------------------------

  @Test
  void registerPageShowsAGovukErrorSummaryAndAnErrorTitleOnBadInput() throws Exception {
    String surname = surname("Badpost");

    String body =
        mvc.perform(
                post("/residents/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("forename", "Jane")
                    .param("surname", surname)
                    .param("addressLine1", "1 High Street")
                    .param("postcode", "not a postcode"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("There is a problem");
    assertThat(body).contains("href=\"#postcode\"");
    assertThat(body).containsPattern("<title>\\s*Error:");
    assertThat(body).contains("value=\"" + surname + "\"");
    assertThat(countBySurname(surname)).isZero();
  }

  @Test
  void registerPageWarnsOfALikelyDuplicateAndConfirmNewRegistersAnyway() throws Exception {
    Person jane = registerJane();
    String postcode = jane.postcode.toLowerCase().replace(" ", "");

    String warning =
        mvc.perform(
                post("/residents/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("forename", "Jane")
                    .param("surname", jane.surname)
                    .param("addressLine1", "2 Other Road")
                    .param("postcode", postcode))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(warning).contains("This may be someone already registered");
    assertThat(warning).contains("/residents/" + jane.id);
    assertThat(warning).contains("name=\"confirmNew\"");
    assertThat(countBySurname(jane.surname)).isEqualTo(1);

    MvcResult confirmed =
        mvc.perform(
                post("/residents/new")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .param("forename", "Jane")
                    .param("surname", jane.surname)
                    .param("addressLine1", "2 Other Road")
                    .param("postcode", postcode)
                    .param("confirmNew", "yes"))
            .andExpect(status().is3xxRedirection())
            .andReturn();

    assertThat(confirmed.getResponse().getRedirectedUrl())
        .startsWith("/residents/")
        .isNotEqualTo("/residents/" + jane.id);
    assertThat(countBySurname(jane.surname)).isEqualTo(2);
  }

  // --- optimistic locking -----------------------------------------------------------------------

  @Test
  void anAgentRemovesAPhoneAndAnEmailFromTheSingleViewAndTheRemovalIsAudited() throws Exception {
    Person jane = registerJane();
    String phone = "+447700" + jane.phoneDigits;
    String page =
        mvc.perform(get("/residents/" + jane.id.value()).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/phones/remove").contains("/emails/remove");

    mvc.perform(
            post("/residents/" + jane.id.value() + "/phones/remove")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf())
                .param("phone", phone))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/residents/" + jane.id.value()));
    mvc.perform(
            post("/residents/" + jane.id.value() + "/emails/remove")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf())
                .param("email", jane.email))
        .andExpect(status().is3xxRedirection());

    assertThat(stored("select phone from resident_phone where resident_id = ?", jane.id)).isEmpty();
    assertThat(stored("select email from resident_email where resident_id = ?", jane.id)).isEmpty();
    assertThat(ids(search(phone, null).results())).doesNotContain(jane.id);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where subject_id = ? and action = 'UPDATE'"
                        + " and detail like '%removed'")
                .param(jane.id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void removingAPhoneTheResidentDoesNotHaveIsNotFound() throws Exception {
    Person jane = registerJane();
    mvc.perform(
            post("/residents/" + jane.id.value() + "/phones/remove")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf())
                .param("phone", "+447700000000"))
        .andExpect(status().isNotFound());
  }

  @Test
  void updateWithAStaleVersionIsAConflictAndKeepsTheFirstChange() {
    Person jane = registerJane();
    int version = signedIn.as(Fixtures.AGENT, () -> residents.view(jane.id)).version();
    String firstEmail = "first." + letters(8) + "@example.org";
    String secondEmail = "second." + letters(8) + "@example.org";

    signedIn.as(
        Fixtures.AGENT,
        () -> {
          residents.update(
              jane.id, details("Jane", jane.surname, firstEmail, null, jane.postcode), version);
          return null;
        });
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.CASEWORKER,
                    () -> {
                      residents.update(
                          jane.id,
                          details("Janet", jane.surname, secondEmail, null, jane.postcode),
                          version);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);

    Resident now = signedIn.as(Fixtures.AGENT, () -> residents.view(jane.id));
    assertThat(now.version()).isEqualTo(version + 1);
    assertThat(now.forename()).isEqualTo("Jane");
    // An edit adds the email it names and keeps the others on record; the stale one never lands.
    assertThat(now.emails()).contains(firstEmail).doesNotContain(secondEmail);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A registered resident and what was typed for them. */
  record Person(ResidentId id, String surname, String email, String phoneDigits, String postcode) {}

  private Person registerJane() {
    String surname = surname("Smith");
    String email = "jane." + letters(10) + "@example.org";
    String digits = sixDigits();
    String postcode = randomPostcode();
    ResidentId id =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(details("Jane", surname, email, "07700 " + digits, postcode)));
    return new Person(id, surname, email, digits, postcode);
  }

  private ResidentId registerWithFlag(String who) {
    ResidentDetails flagged =
        new ResidentDetails(
            "Vera",
            surname("Flag"),
            null,
            null,
            null,
            "3 Care Close",
            null,
            null,
            randomPostcode(),
            null,
            null,
            null,
            null,
            null,
            List.of(new Vulnerability(Vulnerability.Kind.SAFEGUARDING, "Known to social care")));
    return signedIn.as(who, () -> residents.register(flagged));
  }

  private static ResidentDetails details(
      String forename, String surname, String email, String phone, String postcode) {
    return new ResidentDetails(
        forename,
        surname,
        null,
        email,
        phone,
        postcode == null ? null : "1 High Street",
        null,
        "London",
        postcode,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static NewCase missedBin(ResidentId resident) {
    return new NewCase(
        Fixtures.MISSED_BIN,
        resident,
        "Green bin not emptied",
        null,
        null,
        null,
        null,
        null,
        Map.of("bin_type", List.of("garden")),
        null,
        null,
        null,
        null);
  }

  private static NewContact phoneCall(ResidentId resident) {
    return new NewContact(
        resident,
        null,
        Channel.PHONE,
        Direction.INBOUND,
        null,
        180,
        ContactOutcome.INFORMATION_GIVEN,
        "Asked about collection days");
  }

  /** Thirty residents with one surname (and phone, if given), forenames in alphabetical order. */
  private List<ResidentId> registerThirty(String surname, String phone) {
    List<ResidentId> created = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String forename = "Person" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
      created.add(
          signedIn.as(
              Fixtures.AGENT,
              () -> residents.register(details(forename, surname, null, phone, null))));
    }
    return created;
  }

  private ResidentSearch search(String q, String after) {
    return signedIn.as(Fixtures.AGENT, () -> residents.search(q, after));
  }

  private UUID residentOfCase(UUID caseId) {
    return jdbc.sql("select resident_id from service_case where id = ?")
        .param(caseId)
        .query(UUID.class)
        .single();
  }

  private long countBySurname(String surname) {
    return jdbc.sql("select count(*) from resident where surname = ?")
        .param(surname)
        .query(Long.class)
        .single();
  }

  private long auditCount(String action, ResidentId id, String actor) {
    String sql =
        "select count(*) from audit_log where action = ? and subject_type = 'resident'"
            + " and subject_id = ?";
    if (actor == null) {
      return jdbc.sql(sql).params(action, id.toString()).query(Long.class).single();
    }
    return jdbc.sql(sql + " and actor = ?")
        .params(action, id.toString(), actor)
        .query(Long.class)
        .single();
  }

  private List<String> stored(String sql, ResidentId id) {
    return jdbc.sql(sql).param(id.value()).query(String.class).list();
  }

  private static List<ResidentId> ids(List<ResidentSummary> rows) {
    return rows.stream().map(ResidentSummary::id).toList();
  }

  private static String surname(String stem) {
    return stem + letters(8);
  }

  private static String letters(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }

  private static final Set<String> PHONES = new HashSet<>();

  /** Six digits not handed out before in this run, so phone searches are unambiguous. */
  private static synchronized String sixDigits() {
    String d;
    do {
      d = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    } while (!PHONES.add(d));
    return d;
  }

  private static final Set<String> POSTCODES = new HashSet<>();

  /** A valid postcode not handed out before in this run. */
  private static synchronized String randomPostcode() {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    List<String> outward = List.of("N1", "E2", "SE15", "NW3", "EC1A", "W4", "SW9");
    String p;
    do {
      var r = ThreadLocalRandom.current();
      p =
          outward.get(r.nextInt(outward.size()))
              + " "
              + r.nextInt(10)
              + letters.charAt(r.nextInt(letters.length()))
              + letters.charAt(r.nextInt(letters.length()));
    } while (!POSTCODES.add(p));
    return p;
  }
}
