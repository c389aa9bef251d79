// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.identity.Permission;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.residents.Channel;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.residents.Vulnerability;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Erasure (UK GDPR Art. 17) as the DPO does it: refused while a case is open or a legal hold is in
 * place, then every word about the person gone from every table of the CRM — found by searching
 * every text column of the database for what was typed about them — while the case stays as an
 * anonymous record; the console asks for the password again, the API wants a token made for it.
 */
class ErasureIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired CaseAttachments attachments;
  @Autowired ContactLog contacts;
  @Autowired SubjectAccessRegister register;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;
  @Autowired JdbcTemplate jdbc;

  @Test
  void holdsAndOpenCasesStopItThenNothingAboutThePersonIsLeft() throws Exception {
    String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
    ResidentId resident = resident(marker);
    CaseView opened = openCase(resident, marker);
    byte[] png = org.borough.support.TestFiles.png(512, 11);
    Path stored =
        signedIn.as(
            Fixtures.CASEWORKER,
            () -> {
              cases.addNote(opened.id(), "Spoke to " + marker + " about access", false);
              attachments.add(opened.id(), "photo.png", png.length, new ByteArrayInputStream(png));
              contacts.log(
                  new NewContact(
                      resident,
                      opened.reference(),
                      Channel.PHONE,
                      Direction.INBOUND,
                      null,
                      60,
                      ContactOutcome.CASE_UPDATED,
                      marker + " rang about the bin"));
              UUID attachment = cases.view(opened.id()).attachments().get(0).id();
              return attachments.download(opened.id(), attachment).path();
            });
    assertThat(stored).exists();
    signedIn.as(
        Fixtures.DPO,
        () -> register.record(resident, register.today(), marker + " by email to the DPO"));
    // A sign-in link the portal sent to the resident before the erasure (as SignInLinks keeps it).
    jdbc.update(
        "insert into portal_sign_in_link (token_hash, email, created_at, expires_at)"
            + " values (?, ?, current_timestamp, current_timestamp)",
        UUID.randomUUID().toString().replace("-", ""),
        marker + "@example.org");
    String token = erasureToken();

    // An open case stops it, naming the case.
    String refused = eraseByApi(token, resident, 409, "Article 17");
    assertThat(JsonPath.<String>read(refused, "$.detail"))
        .contains(opened.reference())
        .contains("not closed");

    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(opened.id(), CaseStatus.RESOLVED, "Collected", true, null, null);
          return cases.changeStatus(opened.id(), CaseStatus.CLOSED, "Done", false, null, null);
        });

    // A legal hold placed in the console stops it, naming why.
    mvc.perform(
            post("/residents/" + resident + "/legal-holds")
                .param("holdReason", "Insurance claim INS-" + marker)
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(JsonPath.<String>read(eraseByApi(token, resident, 409, "Article 17"), "$.detail"))
        .contains("legal hold")
        .contains("Insurance claim INS-" + marker);
    String page = erasurePage(resident);
    assertThat(page)
        .contains("cannot be erased yet")
        .doesNotContain("Erase personal data</button>");

    UUID hold = signedIn.as(Fixtures.DPO, () -> holds(resident)).get(0);
    mvc.perform(
            post("/residents/" + resident + "/legal-holds/" + hold + "/lift")
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(erasurePage(resident)).contains("Erase personal data");

    // Without a reason it is refused; with one, done.
    assertThat(eraseByApi(token, resident, 400)).contains("reason");
    String done = eraseByApi(token, resident, 200, "Article 17 request received today");
    assertThat(JsonPath.<Integer>read(done, "$.casesAnonymised")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(done, "$.contactsAnonymised")).isEqualTo(1);

    // Nothing typed about the person is left in any text column of any table.
    assertThat(textColumnsContaining(marker)).isEmpty();
    assertThat(stored).doesNotExist();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where resident_id = ?",
                Integer.class,
                resident.value()))
        .isZero();

    // The case stays, anonymous, for the statistics.
    CaseView kept = signedIn.as(Fixtures.CASEWORKER, () -> cases.view(opened.id()));
    assertThat(kept.summary().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(kept.summary().residentId()).isNull();
    assertThat(kept.summary().wardCode()).isEqualTo(Fixtures.WARD);
    assertThat(kept.attachments()).isEmpty();

    // The record is a tombstone, the page says so, and a second erasure is refused.
    assertThat(erasurePage(resident)).contains("personal data was erased on");
    assertThat(eraseByApi(token, resident, 409, "again")).contains("already been erased");
    String registerPage =
        mvc.perform(get("/privacy/erasures").with(signedIn.request(Fixtures.DPO)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(registerPage).contains("Article 17 request received today");
  }

  @Test
  void theConsoleAsksForThePasswordAgainAndAnEverydayTokenCannotErase() throws Exception {
    ResidentId resident = resident("zq" + UUID.randomUUID().toString().substring(0, 8));

    String signIn =
        mvc.perform(
                get("/residents/" + resident + "/erasure")
                    .with(
                        signedIn.signedInWithPassword(
                            Fixtures.DPO, Instant.now().minus(1, ChronoUnit.HOURS))))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(signIn).startsWith("/sign-in?again").contains("factor.reason=expired");
    mvc.perform(
            post("/residents/" + resident + "/erasure")
                .param("reason", "stale")
                .param("confirm", "yes")
                .with(
                    signedIn.signedInWithPassword(
                        Fixtures.DPO, Instant.now().minus(1, ChronoUnit.HOURS)))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(signedIn.as(Fixtures.DPO, () -> residents.view(resident)).surname())
        .isNotEqualTo("resident");

    // An agent never gets there, however recent the password.
    mvc.perform(get("/residents/" + resident + "/erasure").with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());

    // The DPO's everyday token (all of their permissions) does not carry ERASURE.
    var owner = directory.findByUsername(Fixtures.DPO).orElseThrow();
    String everyday =
        signedIn.as(
            Fixtures.DPO,
            () ->
                administration.issueApiToken(
                    owner.id(), StaffAdministration.TokenRequest.own("ErasureIT everyday")));
    String problem = eraseByApi(everyday, resident, 403, "Article 17");
    assertThat(JsonPath.<String>read(problem, "$.detail")).contains("scoped to ERASURE");

    // Without the confirmation box the console refuses, with a GOV.UK error.
    String page =
        mvc.perform(
                post("/residents/" + resident + "/erasure")
                    .param("reason", "Article 17")
                    .with(signedIn.request(Fixtures.DPO))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("govuk-error-summary").contains("Confirm that");
    mvc.perform(
            post("/residents/" + resident + "/erasure")
                .param("reason", "Article 17 request by letter")
                .param("confirm", "yes")
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(signedIn.as(Fixtures.DPO, () -> residents.view(resident)).surname())
        .isEqualTo("resident");
  }

  private ResidentId resident(String marker) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            residents.register(
                new ResidentDetails(
                    "Erin" + marker,
                    "Erase" + marker,
                    java.time.LocalDate.of(1970, 1, 2),
                    marker + "@example.org",
                    "07700 900" + (100 + new Random().nextInt(899)),
                    "1 " + marker + " Road",
                    null,
                    "Town" + marker,
                    "SW1A 1AA",
                    null,
                    Fixtures.WARD,
                    null,
                    null,
                    "Needs " + marker,
                    List.of(new Vulnerability(Vulnerability.Kind.BEREAVEMENT, "Note " + marker)))));
  }

  private CaseView openCase(ResidentId resident, String marker) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                new NewCase(
                    Fixtures.MISSED_BIN,
                    resident,
                    "Bin missed outside " + marker,
                    "1 " + marker + " Road",
                    null,
                    new java.math.BigDecimal("51.501234"),
                    new java.math.BigDecimal("-0.141234"),
                    Fixtures.WARD,
                    Map.of("bin_type", List.of("general")),
                    null,
                    null,
                    null,
                    null)));
  }

  private String erasurePage(ResidentId resident) throws Exception {
    return mvc.perform(
            get("/residents/" + resident + "/erasure").with(signedIn.request(Fixtures.DPO)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private List<UUID> holds(ResidentId resident) {
    return jdbc.queryForList(
        "select id from legal_hold where resident_id = ? and lifted_at is null",
        UUID.class,
        resident.value());
  }

  private String eraseByApi(String token, ResidentId resident, int expected) throws Exception {
    return eraseByApi(token, resident, expected, null);
  }

  private String eraseByApi(String token, ResidentId resident, int expected, String reason)
      throws Exception {
    return mvc.perform(
            post("/api/v1/residents/" + resident + "/erasure")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}"))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** "table.column" of every text column holding the marker, across the whole schema. */
  private List<String> textColumnsContaining(String marker) {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "select table_name, column_name from information_schema.columns where lower(table_schema)"
                + " = lower(current_schema) and lower(data_type) in ('character varying',"
                + " 'varchar', 'text', 'character large object', 'clob')");
    List<String> found = new ArrayList<>();
    for (Map<String, Object> c : columns) {
      String table =
          c.get("TABLE_NAME") == null ? (String) c.get("table_name") : (String) c.get("TABLE_NAME");
      String column =
          c.get("COLUMN_NAME") == null
              ? (String) c.get("column_name")
              : (String) c.get("COLUMN_NAME");
      Integer n =
          jdbc.queryForObject(
              "select count(*) from " + table + " where lower(" + column + ") like ?",
              Integer.class,
              "%" + marker.toLowerCase() + "%");
      if (n != null && n > 0) {
        found.add(table + "." + column);
      }
    }
    assertThat(columns.size()).as("text columns searched").isGreaterThan(50);
    return found;
  }

  private static String token;

  /** A token the DPO made for erasure alone. */
  private synchronized String erasureToken() {
    if (token == null) {
      var owner = directory.findByUsername(Fixtures.DPO).orElseThrow();
      token =
          signedIn.as(
              Fixtures.DPO,
              () ->
                  administration.issueApiToken(
                      owner.id(),
                      new StaffAdministration.TokenRequest(
                          "ErasureIT " + UUID.randomUUID(), 1, Set.of(Permission.ERASURE), null)));
    }
    return token;
  }
}
