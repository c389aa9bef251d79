// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.identity.StaffDirectory;
import org.borough.support.CaseFor;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.ConflictException;
import org.borough.system.InvalidInputException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.borough.warehouse.WarehouseProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Changing a case's priority, service and location, on one case and in bulk: only what differs
 * changes, a new service re-times the SLA clock from when the case was opened and moves it to the
 * new service's team, each change is on the timeline with its reason, a stale or impossible change
 * saves nothing, and the warehouse follows.
 */
class CaseDetailsIT extends IntegrationTest {

  @Autowired CaseManagement cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffDirectory directory;
  @Autowired WorkingCalendar calendar;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired WarehouseProbe warehouse;

  @Test
  void aCaseMovedToAnotherServiceIsRetimedFromItsOpeningAndGoesToThatServicesTeam() {
    CaseView bin = raise();
    assertThat(bin.summary().teamId())
        .isEqualTo(directory.findTeamByCode(Fixtures.WASTE).orElseThrow().id().value());

    caseworker(
        () ->
            cases.changeDetails(
                bin.id(),
                new BulkAction.ChangeDetails(
                    null, Fixtures.POTHOLE, null, "Reported as a bin, but it is a pothole"),
                bin.version()));

    CaseView moved = view(bin);
    Instant expected =
        new SlaClock(calendar)
            .start(catalogue.find(Fixtures.POTHOLE).orElseThrow().sla(), bin.summary().openedAt())
            .due();
    assertThat(moved.summary().serviceCode()).isEqualTo(Fixtures.POTHOLE);
    assertThat(moved.summary().dueAt()).isEqualTo(expected).isNotEqualTo(bin.summary().dueAt());
    assertThat(moved.summary().teamId())
        .isEqualTo(directory.findTeamByCode(Fixtures.HIGHWAYS).orElseThrow().id().value());
    assertThat(moved.summary().officerId()).isNull();
    assertThat(moved.timeline())
        .filteredOn(t -> t.kind().equals("DETAILS"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.text())
                    .contains("service", "to " + moved.summary().serviceName())
                    .contains("Why: Reported as a bin, but it is a pothole"));

    Map<String, Object> fact = warehouse.factsOf("fact_case", bin.id().value()).get(0);
    assertThat(fact.get("service_code")).isEqualTo(Fixtures.POTHOLE);
    assertThat(instant(fact.get("due_at"))).isEqualTo(expected);
  }

  @Test
  void onlyWhatDiffersChangesAndAChangeToAnOlderVersionIsRefused() {
    CaseView c = raise();
    BulkAction.Location riverside =
        new BulkAction.Location(
            "1 River Walk",
            100099001506L,
            new BigDecimal("51.5"),
            new BigDecimal("-0.12"),
            "E05000002");
    caseworker(
        () ->
            cases.changeDetails(
                c.id(),
                new BulkAction.ChangeDetails(
                    Priority.HIGH, Fixtures.MISSED_BIN, riverside, "Bins blocking a wheelchair"),
                c.version()));
    CaseView changed = view(c);
    assertThat(changed.summary().priority()).isEqualTo(Priority.HIGH);
    assertThat(changed.summary().wardCode()).isEqualTo("E05000002");
    assertThat(changed.uprn()).isEqualTo(100099001506L);
    assertThat(changed.summary().dueAt()).isEqualTo(c.summary().dueAt());
    assertThat(
            changed.timeline().stream()
                .filter(t -> t.kind().equals("DETAILS"))
                .findFirst()
                .orElseThrow()
                .text())
        .contains("priority", "location to 1 River Walk, UPRN 100099001506")
        .doesNotContain("service");
    Map<String, Object> fact = warehouse.factsOf("fact_case", c.id().value()).get(0);
    assertThat(fact.get("priority")).isEqualTo("HIGH");
    assertThat(fact.get("ward_code")).isEqualTo("E05000002");

    assertThatThrownBy(
            () ->
                caseworker(
                    () ->
                        cases.changeDetails(
                            c.id(),
                            new BulkAction.ChangeDetails(Priority.LOW, null, null, "Again"),
                            c.version())))
        .isInstanceOf(StaleEditException.class);
    assertThatThrownBy(
            () ->
                caseworker(
                    () ->
                        cases.changeDetails(
                            c.id(),
                            new BulkAction.ChangeDetails(
                                Priority.HIGH, null, riverside, "The same again"),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get("priority")).contains("Nothing would change"));
    assertThatThrownBy(
            () ->
                caseworker(
                    () ->
                        cases.changeDetails(
                            c.id(),
                            new BulkAction.ChangeDetails(Priority.LOW, null, null, " "),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("reason"));
    assertThat(view(c).summary().priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void aBulkChangeIsAllOrNothingAndComplaintsKeepTheirService() {
    CaseView first = raise();
    CaseView closed = raise();
    caseworker(
        () -> {
          cases.changeStatus(closed.id(), CaseStatus.CANCELLED, "Sent in twice", false, null, null);
          return null;
        });
    assertThatThrownBy(
            () ->
                supervisor(
                    () ->
                        cases.bulk(
                            List.of(first.id(), closed.id()),
                            new BulkAction.ChangeDetails(Priority.URGENT, null, null, "Storm"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(closed.reference());
    assertThat(view(first).summary().priority()).isNotEqualTo(Priority.URGENT);

    CaseView second = raise();
    int n =
        supervisor(
            () ->
                cases.bulk(
                    List.of(first.id(), second.id()),
                    new BulkAction.ChangeDetails(Priority.URGENT, null, null, "Storm damage")));
    assertThat(n).isEqualTo(2);
    for (CaseView c : List.of(first, second)) {
      assertThat(view(c).summary().priority()).isEqualTo(Priority.URGENT);
      assertThat(view(c).timeline()).anyMatch(t -> t.text().contains("Why: Storm damage"));
    }

    signedIn.as(Fixtures.ADMIN, () -> Fixtures.complaint(catalogue, directory));
    assertThatThrownBy(
            () ->
                caseworker(
                    () ->
                        cases.changeDetails(
                            first.id(),
                            new BulkAction.ChangeDetails(
                                null, Fixtures.COMPLAINT, null, "It is a complaint"),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get("serviceCode")).contains("keep their service"));
  }

  @Test
  void theApiAndThePageSayWhatIsWrongAndSaveNothing() throws Exception {
    CaseView c = raise();
    String api = "/api/v1/cases/" + c.reference() + "/details";
    MockHttpServletResponse stale =
        json(
            api,
            "{\"priority\": \"HIGH\", \"reason\": \"Why not\"}",
            "\"" + (c.version() + 7) + "\"");
    assertThat(stale.getStatus()).isEqualTo(412);
    MockHttpServletResponse unknown =
        json(api, "{\"priority\": \"URGENTISH\", \"reason\": \"Why not\"}", null);
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(unknown.getContentType()).startsWith("application/problem+json");
    MockHttpServletResponse noReason = json(api, "{\"priority\": \"HIGH\"}", null);
    assertThat(noReason.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<String>read(noReason.getContentAsString(), "$.detail"))
        .contains("Say why");
    MockHttpServletResponse ok =
        json(api, "{\"priority\": \"HIGH\", \"reason\": \"Near a school\"}", null);
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(ok.getContentAsString(), "$.summary.priority"))
        .isEqualTo("HIGH");

    String page = "/cases/" + c.reference() + "/details";
    String form =
        mvc.perform(get(page).with(signedIn.request(Fixtures.CASEWORKER)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("value=\"HIGH\" checked=\"checked\"", "Why are the details changing?");
    String refused =
        mvc.perform(
                post(page)
                    .param("priority", "LOW")
                    .param("serviceCode", Fixtures.MISSED_BIN)
                    .param("uprn", "12ab")
                    .param("latitude", "north")
                    .param("reason", "Typo")
                    .with(signedIn.request(Fixtures.CASEWORKER))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("govuk-error-summary", "A UPRN is a number of up to 12 digits")
        .contains("Enter the latitude as a number");
    assertThat(view(c).summary().priority()).isEqualTo(Priority.HIGH);
    mvc.perform(
            post(page)
                .param("priority", "LOW")
                .param("serviceCode", Fixtures.MISSED_BIN)
                .param("reason", "It can wait")
                .with(signedIn.request(Fixtures.CASEWORKER))
                .with(csrf()))
        .andReturn();
    assertThat(view(c).summary().priority()).isEqualTo(Priority.LOW);
  }

  private MockHttpServletResponse json(String path, String body, String ifMatch) throws Exception {
    var request =
        post(path)
            .content(body)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .with(signedIn.request(Fixtures.CASEWORKER))
            .with(csrf());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private CaseView raise() {
    return signedIn.as(
        Fixtures.AGENT,
        () -> cases.open(CaseFor.missedBin(null, "Details test " + UUID.randomUUID())));
  }

  private CaseView view(CaseView c) {
    return signedIn.as(Fixtures.CASEWORKER, () -> cases.viewByReference(c.reference()));
  }

  private <T> T caseworker(java.util.function.Supplier<T> action) {
    return signedIn.as(Fixtures.CASEWORKER, action);
  }

  private <T> T supervisor(java.util.function.Supplier<T> action) {
    return signedIn.as(Fixtures.SUPERVISOR, action);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }
}
