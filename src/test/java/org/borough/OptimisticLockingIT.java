// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.borough.cases.BulkAction;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceInput;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionVerb;
import org.borough.governance.ForwardPlan;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.governance.FundingKind;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemPhase;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.CabinetDecisions;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.system.StaleEditException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Optimistic locking everywhere a person edits (issue 12, ADR 0022), tried the same way on each
 * kind of record: a colleague changes it while an officer has its form open, or while an API client
 * holds its ETag; the officer's save is refused with the "changed by someone else" page, the
 * client's with 412, and the colleague's change is what is stored. An ETag read is one a change may
 * be made to, and the change answers with the next.
 */
class OptimisticLockingIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired CaseManagement cases;
  @Autowired ResidentManagement residents;
  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;
  @Autowired BudgetLines budget;
  @Autowired IctPortfolio portfolio;
  @Autowired DecisionRegister register;
  @Autowired ForwardPlan plan;

  /**
   * One kind of record a person edits, as the tests below need it: {@code key} is what its
   * addresses name it by.
   */
  interface Kind {

    /** A new record; returns its key. */
    String create();

    /** Its version as stored. */
    int version(String key);

    /** A colleague's change, made through the module's service. */
    void theirChange(String key);

    /** What the edits change, as stored: the colleague's change must be what survives. */
    String stored(String key);

    /** The officer's save from the console form drawn at {@code version}. */
    MockHttpServletRequestBuilder pageEdit(String key, int version);

    /** The JSON API change, without preconditions. */
    MockHttpServletRequestBuilder apiEdit(String key);

    /** Where the API reads the record, or null when it cannot (a draft decision). */
    String apiRead(String key);

    /** Who makes the officer's and the client's change. */
    String user();

    /** The console page with the record's edit form. */
    String formPage(String key);

    /** The name of the form's hidden field with the version it was drawn at. */
    default String versionField() {
      return "version";
    }
  }

  private Map<String, Kind> kinds() {
    Map<String, Kind> kinds = new java.util.LinkedHashMap<>();
    kinds.put("case", new CaseKind());
    kinds.put("resident", new ResidentKind());
    kinds.put("service", new ServiceKind());
    kinds.put("team", new TeamKind());
    kinds.put("staff", new StaffKind());
    kinds.put("budget line", new BudgetLineKind());
    kinds.put("decision", new DecisionKind());
    kinds.put("forward-plan notice", new NoticeKind());
    return kinds;
  }

  @TestFactory
  Stream<DynamicTest> aStaleFormIsRefusedWithAPageAndTheColleaguesChangeIsKept() {
    return kinds().entrySet().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    k.getKey(),
                    () -> {
                      Kind kind = k.getValue();
                      String key = kind.create();
                      int drawnAt = kind.version(key);
                      String before = kind.stored(key);
                      kind.theirChange(key);
                      String theirs = kind.stored(key);
                      assertThat(theirs)
                          .as("the colleague's change is stored")
                          .isNotEqualTo(before);
                      int now = kind.version(key);
                      assertThat(now).isGreaterThan(drawnAt);

                      MockHttpServletResponse page =
                          mvc.perform(
                                  kind.pageEdit(key, drawnAt)
                                      .with(signedIn.request(kind.user()))
                                      .with(csrf())
                                      .header(HttpHeaders.REFERER, "http://localhost/edit-page")
                                      .accept(MediaType.TEXT_HTML))
                              .andReturn()
                              .getResponse();
                      assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(409);
                      assertThat(page.getContentAsString())
                          .contains(
                              "Error: Changed by someone else",
                              "govuk-error-summary",
                              "was changed by someone else while you were editing it",
                              "href=\"/edit-page\"");
                      assertThat(kind.stored(key)).isEqualTo(theirs);
                      assertThat(kind.version(key)).isEqualTo(now);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theEditFormCarriesTheVersionItWasDrawnAt() {
    return kinds().entrySet().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    k.getKey(),
                    () -> {
                      Kind kind = k.getValue();
                      String key = kind.create();
                      // A change first, so the version is not just the first one; but a dropped
                      // line or a withdrawn notice has no forms left to show.
                      if (!(kind instanceof BudgetLineKind) && !(kind instanceof NoticeKind)) {
                        kind.theirChange(key);
                      }
                      MockHttpServletResponse page =
                          mvc.perform(
                                  get(kind.formPage(key))
                                      .with(signedIn.request(kind.user()))
                                      .accept(MediaType.TEXT_HTML))
                              .andReturn()
                              .getResponse();
                      assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
                      assertThat(page.getContentAsString())
                          .contains(
                              "name=\""
                                  + kind.versionField()
                                  + "\" value=\""
                                  + kind.version(key)
                                  + "\"");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> anApiChangeWithAnOldETagIsRefusedWith412AndTheColleaguesChangeIsKept() {
    return kinds().entrySet().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    k.getKey(),
                    () -> {
                      Kind kind = k.getValue();
                      String key = kind.create();
                      String read = etag(kind, key);
                      kind.theirChange(key);
                      String theirs = kind.stored(key);
                      int now = kind.version(key);

                      MockHttpServletResponse stale =
                          mvc.perform(api(kind, kind.apiEdit(key)).header("If-Match", read))
                              .andReturn()
                              .getResponse();
                      assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(412);
                      assertThat(stale.getContentType()).startsWith("application/problem+json");
                      assertThat(stale.getHeader(HttpHeaders.ETAG)).isEqualTo(tag(now));
                      assertThat(JsonPath.<String>read(stale.getContentAsString(), "$.detail"))
                          .contains("was changed since you read it");
                      assertThat(kind.stored(key)).isEqualTo(theirs);
                      assertThat(kind.version(key)).isEqualTo(now);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theETagReadIsOneAChangeMayBeMadeToAndTheChangeAnswersWithTheNext() {
    return kinds().entrySet().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    k.getKey(),
                    () -> {
                      Kind kind = k.getValue();
                      String key = kind.create();
                      String read = etag(kind, key);
                      assertThat(read).isEqualTo(tag(kind.version(key)));

                      MockHttpServletResponse changed =
                          mvc.perform(api(kind, kind.apiEdit(key)).header("If-Match", read))
                              .andReturn()
                              .getResponse();
                      assertThat(changed.getStatus())
                          .as(changed.getContentAsString())
                          .isEqualTo(200);
                      String next = changed.getHeader(HttpHeaders.ETAG);
                      assertThat(next).isEqualTo(tag(kind.version(key))).isNotEqualTo(read);
                      if (kind.apiRead(key) != null) {
                        assertThat(etag(kind, key)).isEqualTo(next);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> anUnreadableIfMatchIsRefusedWith400AndChangesNothing() {
    return kinds().entrySet().stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    k.getKey(),
                    () -> {
                      Kind kind = k.getValue();
                      String key = kind.create();
                      String before = kind.stored(key);
                      MockHttpServletResponse bad =
                          mvc.perform(api(kind, kind.apiEdit(key)).header("If-Match", "3"))
                              .andReturn()
                              .getResponse();
                      assertThat(bad.getStatus()).as(bad.getContentAsString()).isEqualTo(400);
                      assertThat(bad.getContentAsString()).contains("If-Match");
                      assertThat(kind.stored(key)).isEqualTo(before);
                    }));
  }

  @Test
  void aWeakOrOtherETagNeverMatchesButAStarOrAListWithTheCurrentOneDoes() throws Exception {
    Kind kind = new TeamKind();
    String key = kind.create();
    int v = kind.version(key);
    for (String never : List.of("W/" + tag(v), tag(v + 7), "\"x\"")) {
      assertThat(status(api(kind, kind.apiEdit(key)).header("If-Match", never)))
          .as(never)
          .isEqualTo(412);
    }
    assertThat(status(api(kind, kind.apiEdit(key)).header("If-Match", tag(v + 7) + ", " + tag(v))))
        .isEqualTo(200);
    assertThat(status(api(kind, kind.apiEdit(key)).header("If-Match", "*"))).isEqualTo(200);
  }

  /** Older clients name the version in the body or query: stale there is the 409 of a save. */
  @Test
  void aStaleVersionInTheBodyOrQueryIsRefusedWith409() throws Exception {
    CaseKind caseKind = new CaseKind();
    String reference = caseKind.create();
    int v = caseKind.version(reference);
    caseKind.theirChange(reference);
    MockHttpServletResponse staleCase =
        mvc.perform(
                api(
                    caseKind,
                    post("/api/v1/cases/" + reference + "/status")
                        .content(
                            "{\"status\": \"IN_PROGRESS\", \"note\": \"Mine\", \"version\": "
                                + v
                                + "}")))
            .andReturn()
            .getResponse();
    assertThat(staleCase.getStatus()).isEqualTo(409);
    assertThat(JsonPath.<String>read(staleCase.getContentAsString(), "$.title"))
        .isEqualTo("Changed by someone else");

    ResidentKind residentKind = new ResidentKind();
    String id = residentKind.create();
    int rv = residentKind.version(id);
    residentKind.theirChange(id);
    String theirs = residentKind.stored(id);
    MockHttpServletRequestBuilder stale = residentKind.apiEdit(id).param("version", "" + rv);
    assertThat(status(api(residentKind, stale))).isEqualTo(409);
    assertThat(residentKind.stored(id)).isEqualTo(theirs);
    // A resident's PUT must name the version it was made to, one way or the other.
    assertThat(status(api(residentKind, residentKind.apiEdit(id)))).isEqualTo(400);
  }

  @Test
  void anEditFormWithoutItsVersionIsRefusedAndChangesNothing() throws Exception {
    TeamKind kind = new TeamKind();
    String key = kind.create();
    String before = kind.stored(key);
    String code = kind.team(key).code();
    MockHttpServletResponse page =
        mvc.perform(
                post("/admin/teams/" + key)
                    .param("code", code)
                    .param("name", "Mine " + code)
                    .param("active", "true")
                    .with(signedIn.request(kind.user()))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(409);
    assertThat(page.getContentAsString()).contains("This form is out of date");
    assertThat(kind.stored(key)).isEqualTo(before);
  }

  // --- bulk ---------------------------------------------------------------------------------

  @Test
  void aBulkActionFromAQueueWithACaseChangedSinceChangesNoCaseAtAll() throws Exception {
    CaseKind kind = new CaseKind();
    String first = kind.create();
    String second = kind.create();
    CaseView a = view(first);
    CaseView b = view(second);
    kind.theirChange(second);
    String theirs = kind.stored(second);

    var bulk =
        mvc.perform(
                post("/queues/bulk")
                    .with(signedIn.request(Fixtures.SUPERVISOR))
                    .with(csrf())
                    .param("back", "/queues/mine")
                    .param("cases", a.id().value().toString(), b.id().value().toString())
                    .param("version-" + a.id().value(), "" + a.version())
                    .param("version-" + b.id().value(), "" + b.version())
                    .param("action", "status")
                    .param("bulkStatus", "IN_PROGRESS")
                    .param("bulkNote", "Mine"))
            .andReturn();
    assertThat(bulk.getResponse().getStatus()).isEqualTo(302);
    @SuppressWarnings("unchecked")
    Map<String, String> errors = (Map<String, String>) bulk.getFlashMap().get("errors");
    assertThat(errors).containsKey("action");
    assertThat(errors.get("action"))
        .contains("case " + b.reference(), "was changed by someone else");
    assertThat(view(first).status()).isEqualTo(a.status());
    assertThat(view(first).version()).isEqualTo(a.version());
    assertThat(kind.stored(second)).isEqualTo(theirs);

    // The same selection drawn now goes through, to every case.
    Map<CaseId, Integer> drawnNow =
        Map.of(a.id(), view(first).version(), b.id(), view(second).version());
    int done =
        signedIn.as(
            Fixtures.SUPERVISOR,
            () ->
                cases.bulk(
                    List.of(a.id(), b.id()),
                    new BulkAction.ChangeStatus(CaseStatus.IN_PROGRESS, "Mine"),
                    drawnNow));
    assertThat(done).isEqualTo(2);
    assertThat(view(first).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(view(second).status()).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @Test
  void theBulkServiceNamesTheCaseChangedSince() {
    CaseKind kind = new CaseKind();
    CaseView a = view(kind.create());
    CaseView b = view(kind.create());
    kind.theirChange(b.reference());
    Map<CaseId, Integer> versions = Map.of(a.id(), a.version(), b.id(), b.version());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.SUPERVISOR,
                    () ->
                        cases.bulk(
                            List.of(a.id(), b.id()),
                            new BulkAction.ChangeStatus(CaseStatus.ON_HOLD, "Mine"),
                            versions)))
        .isInstanceOf(StaleEditException.class)
        .hasMessageContaining("case " + b.reference());
    assertThat(view(a.reference()).status()).isEqualTo(a.status());
    assertThat(view(a.reference()).version()).isEqualTo(a.version());
  }

  // --- helpers ------------------------------------------------------------------------------

  private static String tag(int version) {
    return "\"" + version + "\"";
  }

  private String etag(Kind kind, String key) throws Exception {
    String read = kind.apiRead(key);
    if (read == null) {
      return tag(kind.version(key));
    }
    MockHttpServletResponse r =
        mvc.perform(
                get(read).with(signedIn.request(kind.user())).accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r.getHeader(HttpHeaders.ETAG);
  }

  private MockHttpServletRequestBuilder api(Kind kind, MockHttpServletRequestBuilder b) {
    return b.with(signedIn.request(kind.user()))
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON);
  }

  private int status(MockHttpServletRequestBuilder b) throws Exception {
    return mvc.perform(b).andReturn().getResponse().getStatus();
  }

  private CaseView view(String reference) {
    return signedIn.as(Fixtures.CASEWORKER, () -> cases.viewByReference(reference));
  }

  private <T> T as(String user, Supplier<T> action) {
    return signedIn.as(user, action);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  // --- the kinds ----------------------------------------------------------------------------

  /** A missed bin: a colleague adds a note, the officer moves it on with a note of their own. */
  class CaseKind implements Kind {
    public String create() {
      return as(
              Fixtures.AGENT,
              () ->
                  cases.open(
                      Fixtures.newCase(
                          Fixtures.MISSED_BIN,
                          null,
                          "Locking " + suffix(),
                          "1 Lock Street",
                          null,
                          null,
                          Map.of("bin_type", List.of("recycling")),
                          Channel.PHONE)))
          .reference();
    }

    public int version(String key) {
      return view(key).version();
    }

    public void theirChange(String key) {
      CaseId id = view(key).id();
      as(Fixtures.CASEWORKER, () -> cases.addNote(id, "Theirs", false));
    }

    public String stored(String key) {
      CaseView c = view(key);
      List<String> lines = new ArrayList<>();
      c.timeline().forEach(t -> lines.add(t.kind() + ": " + t.text()));
      return c.status() + " " + lines;
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/cases/" + key + "/status")
          .param("status", "IN_PROGRESS")
          .param("statusNote", "Mine")
          .param("version", "" + version);
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return post("/api/v1/cases/" + key + "/status")
          .content("{\"status\": \"IN_PROGRESS\", \"note\": \"Mine\"}");
    }

    public String apiRead(String key) {
      return "/api/v1/cases/" + key;
    }

    public String formPage(String key) {
      return "/cases/" + key;
    }

    public String user() {
      return Fixtures.CASEWORKER;
    }
  }

  /** A colleague corrects the forename; the officer types another. */
  class ResidentKind implements Kind {
    private final Map<String, String> surnames = new java.util.HashMap<>();

    public String create() {
      String surname = "Lockwood";
      ResidentId id =
          as(
              Fixtures.AGENT,
              () ->
                  residents.register(
                      ResidentDetailsFor.contact(
                          "First", surname, "lock-" + suffix() + "@example.org", null)));
      surnames.put(id.value().toString(), surname);
      return id.value().toString();
    }

    private ResidentId id(String key) {
      return new ResidentId(UUID.fromString(key));
    }

    public int version(String key) {
      return as(Fixtures.AGENT, () -> residents.view(id(key))).version();
    }

    public void theirChange(String key) {
      int v = version(key);
      as(
          Fixtures.AGENT,
          () -> {
            residents.update(
                id(key), ResidentDetailsFor.contact("Theirs", "Lockwood", null, null), v);
            return null;
          });
    }

    public String stored(String key) {
      return as(Fixtures.AGENT, () -> residents.view(id(key))).forename();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/residents/" + key + "/edit")
          .param("forename", "Mine")
          .param("surname", "Lockwood")
          .param("version", "" + version);
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return put("/api/v1/residents/" + key)
          .content("{\"forename\": \"Mine\", \"surname\": \"Lockwood\"}");
    }

    public String apiRead(String key) {
      return "/api/v1/residents/" + key;
    }

    public String formPage(String key) {
      return "/residents/" + key + "/edit";
    }

    public String user() {
      return Fixtures.AGENT;
    }
  }

  /** A colleague renames a service; the officer renames it otherwise. */
  class ServiceKind implements Kind {
    public String create() {
      String code = "lock-" + suffix();
      as(Fixtures.ADMIN, () -> catalogue.define(input(code, "Locking " + code)));
      return code;
    }

    private ServiceInput input(String code, String name) {
      return new ServiceInput(
          code,
          name,
          "Streets",
          "Made by a locking test",
          true,
          null,
          "NORMAL",
          5,
          "WORKING_DAYS",
          75,
          List.of(),
          List.of(),
          false,
          null);
    }

    public int version(String key) {
      return catalogue.find(key).orElseThrow().version();
    }

    public void theirChange(String key) {
      as(Fixtures.ADMIN, () -> catalogue.change(key, input(key, "Theirs " + key)));
    }

    public String stored(String key) {
      return catalogue.find(key).orElseThrow().name();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/admin/services/" + key)
          .param("version", "" + version)
          .param("name", "Mine " + key)
          .param("code", key)
          .param("group", "Streets")
          .param("description", "Made by a locking test")
          .param("active", "true")
          .param("priority", "NORMAL")
          .param("slaTarget", "5")
          .param("slaUnit", "WORKING_DAYS")
          .param("slaWarningPercent", "75");
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return put("/api/v1/services/" + key)
          .content(
              """
              {"name": "Mine %s", "group": "Streets", "description": "Made by a locking test",
               "priority": "NORMAL", "slaTarget": 5, "slaUnit": "WORKING_DAYS",
               "slaWarningPercent": 75}"""
                  .formatted(key));
    }

    public String apiRead(String key) {
      return "/api/v1/services/" + key;
    }

    public String formPage(String key) {
      return "/admin/services/" + key;
    }

    public String user() {
      return Fixtures.ADMIN;
    }
  }

  /** A colleague renames a team; the officer renames it otherwise. */
  class TeamKind implements Kind {
    public String create() {
      String code = "lock-" + suffix();
      return as(Fixtures.ADMIN, () -> administration.createTeam(code, "Locking " + code, null))
          .id()
          .value()
          .toString();
    }

    org.borough.identity.Team team(String key) {
      return directory.findTeam(new TeamId(UUID.fromString(key))).orElseThrow();
    }

    public int version(String key) {
      return team(key).version();
    }

    public void theirChange(String key) {
      String code = team(key).code();
      as(
          Fixtures.ADMIN,
          () -> administration.changeTeam(team(key).id(), code, "Theirs " + code, null, true));
    }

    public String stored(String key) {
      return team(key).name();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/admin/teams/" + key)
          .param("version", "" + version)
          .param("code", team(key).code())
          .param("name", "Mine " + team(key).code())
          .param("active", "true");
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      String code = team(key).code();
      return put("/api/v1/teams/" + key)
          .content("{\"code\": \"%s\", \"name\": \"Mine %s\"}".formatted(code, code));
    }

    public String apiRead(String key) {
      return "/api/v1/teams/" + key;
    }

    public String formPage(String key) {
      return "/admin/teams/" + key;
    }

    public String user() {
      return Fixtures.ADMIN;
    }
  }

  /** A colleague renames a member of staff; the officer renames them otherwise. */
  class StaffKind implements Kind {
    public String create() {
      String username = "lock" + suffix();
      as(
          Fixtures.ADMIN,
          () ->
              administration.createStaff(
                  username, "Locking Person", Fixtures.PASSWORD, Set.of(Role.AGENT)));
      return username;
    }

    private Staff staff(String key) {
      return directory.findByUsername(key).orElseThrow();
    }

    public int version(String key) {
      return staff(key).version();
    }

    public void theirChange(String key) {
      as(
          Fixtures.ADMIN,
          () ->
              administration.changeStaff(
                  staff(key).id(),
                  new StaffAdministration.StaffChange(
                      "Theirs Person", Set.of(Role.AGENT), Set.of(), true)));
    }

    public String stored(String key) {
      return staff(key).displayName();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/admin/staff/" + key)
          .param("version", "" + version)
          .param("displayName", "Mine Person")
          .param("roles", "AGENT")
          .param("active", "true");
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return put("/api/v1/staff/" + key)
          .content(
              "{\"displayName\": \"Mine Person\", \"roles\": [\"AGENT\"], \"teamIds\": [],"
                  + " \"active\": true}");
    }

    public String apiRead(String key) {
      return "/api/v1/staff/" + key;
    }

    public String formPage(String key) {
      return "/admin/staff/" + key;
    }

    public String user() {
      return Fixtures.ADMIN;
    }
  }

  /** A budget pressure: a colleague drops it with their reason, the officer with another. */
  class BudgetLineKind implements Kind {
    public String create() {
      String code = "L" + suffix().toUpperCase(java.util.Locale.ROOT);
      UUID system =
          as(
                  Fixtures.ADMIN,
                  () ->
                      portfolio.registerSystem(
                          new IctSystemDetails(
                              code,
                              "System " + code,
                              null,
                              "ICT service",
                              SystemPhase.BUSINESS_AS_USUAL,
                              null,
                              SupportStatus.SUPPORTED,
                              null)))
              .value();
      DecisionDetails noting =
          CabinetDecisions.of(
              "Pressure " + code,
              new DecisionItem(
                  null, DecisionVerb.NOTED, "the pressure", null, null, null, null, null));
      UUID decision =
          as(Fixtures.DEMOCRATIC_SERVICES, () -> register.importDecisions(List.of(noting)))
              .get(0)
              .value();
      return as(
              Fixtures.ADMIN,
              () ->
                  budget.record(
                      new NewBudgetLine(
                          "2019/20",
                          1_000_000L,
                          SpendKind.REVENUE,
                          FundingKind.BASE_BUDGET,
                          null,
                          null,
                          List.of(system),
                          "Locking line " + code,
                          decision,
                          1)))
          .value()
          .toString();
    }

    private BudgetLineId id(String key) {
      return new BudgetLineId(UUID.fromString(key));
    }

    public int version(String key) {
      return as(Fixtures.ADMIN, () -> budget.find(id(key))).version();
    }

    public void theirChange(String key) {
      as(Fixtures.ADMIN, () -> budget.dropPressure(id(key), "Theirs"));
    }

    public String stored(String key) {
      var line = as(Fixtures.ADMIN, () -> budget.find(id(key)));
      return line.status() + " " + line.droppedReason();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/portfolio/budget-lines/" + key + "/drop")
          .param("reason", "Mine")
          .param("version", "" + version);
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return post("/api/v1/budget-lines/" + key + "/drop").content("{\"reason\": \"Mine\"}");
    }

    public String apiRead(String key) {
      return "/api/v1/budget-lines/" + key;
    }

    public String formPage(String key) {
      return "/portfolio/budget-lines/" + key;
    }

    public String user() {
      return Fixtures.ADMIN;
    }
  }

  /**
   * A draft decision: a colleague retitles it; the officer retitles it on the page, or the client
   * publishes it. The API reads published decisions only, so a draft's ETag is its edit version.
   */
  class DecisionKind implements Kind {
    private DecisionDetails details(String title) {
      return CabinetDecisions.of(
          title,
          new DecisionItem(null, DecisionVerb.AGREED, "to do it", null, null, null, null, null));
    }

    public String create() {
      return as(
              Fixtures.DEMOCRATIC_SERVICES,
              () -> register.recordDraft(details("Locking " + suffix())))
          .toString();
    }

    private DecisionId id(String key) {
      return DecisionId.of(key);
    }

    public int version(String key) {
      return as(Fixtures.DEMOCRATIC_SERVICES, () -> register.find(id(key))).editVersion();
    }

    public void theirChange(String key) {
      as(
          Fixtures.DEMOCRATIC_SERVICES,
          () -> register.update(id(key), details("Theirs " + key), null, null));
    }

    public String stored(String key) {
      var d = as(Fixtures.DEMOCRATIC_SERVICES, () -> register.find(id(key)));
      return d.status() + " " + d.details().issue().title();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/governance/decisions/" + key + "/edit")
          .param("editVersion", "" + version)
          .param("issue.title", "Mine " + key)
          .param("decisionMaker.kind", "BODY")
          .param("decisionMaker.name", "Cabinet")
          .param("decisionDate-day", "15")
          .param("decisionDate-month", "12")
          .param("decisionDate-year", "2017")
          .param("subjectToCallIn", "yes")
          .param("keyDecision", "no")
          .param("items[0].verb", "AGREED")
          .param("items[0].text", "to do it")
          .param("reasons", "Reasons.")
          .param("action", "save");
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return post("/api/v1/decisions/" + key + "/publish");
    }

    public String apiRead(String key) {
      return null;
    }

    public String formPage(String key) {
      return "/governance/decisions/" + key + "/edit";
    }

    @Override
    public String versionField() {
      return "editVersion";
    }

    public String user() {
      return Fixtures.DEMOCRATIC_SERVICES;
    }
  }

  /** A forthcoming notice: a colleague withdraws it with their reason, the officer with another. */
  class NoticeKind implements Kind {
    public String create() {
      return as(
              Fixtures.DEMOCRATIC_SERVICES,
              () ->
                  plan.publish(
                      new ForwardPlanNoticeDetails(
                          "Locking " + suffix(),
                          null,
                          List.of(Fixtures.WARD),
                          "Cabinet",
                          register.today().plusDays(40),
                          true,
                          null,
                          null,
                          null)))
          .value()
          .toString();
    }

    private ForwardPlanNoticeId id(String key) {
      return new ForwardPlanNoticeId(UUID.fromString(key));
    }

    public int version(String key) {
      return as(Fixtures.DEMOCRATIC_SERVICES, () -> plan.findWithDraft(id(key))).version();
    }

    public void theirChange(String key) {
      as(Fixtures.DEMOCRATIC_SERVICES, () -> plan.withdraw(id(key), "Theirs"));
    }

    public String stored(String key) {
      var n = as(Fixtures.DEMOCRATIC_SERVICES, () -> plan.findWithDraft(id(key)));
      return n.status() + " " + n.withdrawalReason();
    }

    public MockHttpServletRequestBuilder pageEdit(String key, int version) {
      return post("/governance/forward-plan/" + key + "/withdraw")
          .param("withdrawalReason", "Mine")
          .param("version", "" + version);
    }

    public MockHttpServletRequestBuilder apiEdit(String key) {
      return post("/api/v1/forward-plan/" + key + "/withdraw").content("{\"reason\": \"Mine\"}");
    }

    public String apiRead(String key) {
      return "/api/v1/forward-plan/" + key;
    }

    public String formPage(String key) {
      return "/governance/forward-plan/" + key;
    }

    public String user() {
      return Fixtures.DEMOCRATIC_SERVICES;
    }
  }
}
