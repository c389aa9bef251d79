// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' SQL page and its API over the live warehouse loaded from the CRM: a real query's
 * rows, the row cap, the timeout, the refusals (as a problem and as an error summary) that leave
 * the warehouse as it was, the downloads, and saved queries with their audit trail.
 */
class SqlPageIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired Warehouse warehouse;
  @Autowired AuditLog audit;

  @Autowired org.borough.cases.CaseManagement cases;

  /** The case's key in the warehouse, which holds no references. */
  String caseKey;

  @BeforeEach
  void aCaseInTheWarehouse() throws Exception {
    var supervisor = signedIn.request(Fixtures.SUPERVISOR);
    String resident =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/residents")
                        .with(supervisor)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"forename": "Sequel", "surname": "Query%s"}
                            """
                                .formatted(UUID.randomUUID().toString().substring(0, 6))))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    MockHttpServletResponse raised =
        mvc.perform(
                post("/api/v1/cases")
                    .with(supervisor)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"serviceCode": "%s", "residentId": "%s", "description": "SQL page",
                         "answers": {"bin_type": ["general"]}}
                        """
                            .formatted(Fixtures.MISSED_BIN, resident)))
            .andReturn()
            .getResponse();
    assertThat(raised.getStatus()).as(raised.getContentAsString()).isEqualTo(201);
    String location = raised.getHeader("Location");
    String reference = location.substring(location.lastIndexOf('/') + 1);
    UUID id = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference)).id().value();
    caseKey = warehouse.caseKeyOf(id).toString();
    warehouse.catchUp();
  }

  @Test
  void runsARealQueryOverTheWarehouseOnThePageInTheApiAndInTheDownloads() throws Exception {
    String sql =
        "select c.case_key, s.service_code, c.status from fact_case c"
            + " join dim_service s on s.service_key = c.service_key"
            + " where c.case_key = '"
            + caseKey
            + "'";
    mvc.perform(api(sql, Fixtures.ANALYST))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.columns[0].name").value("case_key"))
        .andExpect(jsonPath("$.columns[0].type").value("UUID"))
        .andExpect(jsonPath("$.rows.length()").value(1))
        .andExpect(jsonPath("$.rows[0][0]").value(caseKey))
        .andExpect(jsonPath("$.rows[0][1]").value(Fixtures.MISSED_BIN))
        .andExpect(jsonPath("$.rows[0][2]").value("NEW"))
        .andExpect(jsonPath("$.truncated").value(false))
        .andExpect(jsonPath("$.maxRows").value(1000))
        .andExpect(jsonPath("$.asAt").isString());

    mvc.perform(page(sql, Fixtures.SUPERVISOR))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"result-table\"")))
        .andExpect(content().string(containsString(caseKey)))
        .andExpect(content().string(containsString("1 row in")));

    String csv =
        mvc.perform(download("/warehouse/sql.csv", sql))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines()).contains("case_key,service_code,status");
    assertThat(csv.lines()).contains(caseKey + "," + Fixtures.MISSED_BIN + ",NEW");
    assertThat(csv.lines()).anyMatch(l -> l.startsWith("Query,") && l.contains(caseKey));
    mvc.perform(download("/warehouse/sql.xlsx", sql))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    List<AuditLog.Entry> runs =
        audit.read(
            new AuditLog.AuditQuery(
                AnalystSql.SUBJECT, AnalystSql.fingerprint(sql), null, null, 10));
    assertThat(runs).extracting(AuditLog.Entry::action).contains(AuditAction.SEARCH);
    assertThat(runs).extracting(AuditLog.Entry::action).contains(AuditAction.EXPORT);
    assertThat(runs).anyMatch(e -> e.actor().equals(Fixtures.SUPERVISOR));
  }

  @Test
  void capsTheRowsAndSaysSo() throws Exception {
    String sql = "select * from range(5000)";
    mvc.perform(api(sql, Fixtures.ANALYST))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows.length()").value(1000))
        .andExpect(jsonPath("$.rowCount").value(1000))
        .andExpect(jsonPath("$.truncated").value(true));
    mvc.perform(page(sql, Fixtures.ANALYST))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"result-capped\"")))
        .andExpect(content().string(containsString("Only the first 1,000 rows are shown")));
  }

  @Test
  void stopsAQueryThatRunsPastTheTimeoutWithAClearMessage() throws Exception {
    String sql = "select count(*) from range(100000000) a, range(100000000) b";
    long started = System.nanoTime();
    mvc.perform(api(sql, Fixtures.ANALYST))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("sql"))
        .andExpect(
            jsonPath("$.errors[0].reason")
                .value(containsString("took longer than 3 seconds and was stopped")));
    assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(30);
    // The warehouse still answers.
    mvc.perform(api("select count(*) from fact_case", Fixtures.ANALYST)).andExpect(status().isOk());
  }

  @Test
  void refusesWritesAndFileAccessNamingWhatWasRefused() throws Exception {
    long cases = count();
    String[][] refused = {
      {"delete from fact_case", "DELETE is refused"},
      {"drop table fact_case", "DROP is refused"},
      {"copy fact_case to '/tmp/borough-cases.csv'", "COPY is refused"},
      {"attach '/tmp/other.duckdb' as other", "ATTACH is refused"},
      {"install httpfs", "INSTALL is refused"},
      {"select * from read_csv('/etc/passwd')", "read_csv(…) is refused"},
      {"select 1; delete from fact_case", "not a SELECT"},
      {"select * from loader_state", "loader_state is not a table you can query"},
      {"select getenv('HOME')", "getenv is refused"}
    };
    for (String[] r : refused) {
      mvc.perform(api(r[0], Fixtures.ANALYST))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("sql"))
          .andExpect(jsonPath("$.errors[0].reason").value(containsString(r[1])));
      mvc.perform(page(r[0], Fixtures.ANALYST))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(containsString("govuk-error-summary")))
          .andExpect(content().string(containsString("href=\"#sql\"")));
    }
    assertThat(count()).isEqualTo(cases);
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/borough-cases.csv")))
        .isFalse();
    mvc.perform(
            post("/api/v1/warehouse/sql")
                .with(signedIn.request(Fixtures.ANALYST))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].reason").value("Enter a SELECT query"));
  }

  @Test
  void savedQueriesAreSharedChangedByTheirOwnerAndAudited() throws Exception {
    String name = "Open cases " + UUID.randomUUID().toString().substring(0, 6);
    String sql = "select status, count(*) from fact_case group by 1";
    MockHttpServletResponse saved =
        mvc.perform(
                post("/warehouse/sql/saved")
                    .with(signedIn.request(Fixtures.ANALYST))
                    .with(csrf())
                    .param("name", name)
                    .param("description", "By status")
                    .param("sql", sql))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse();
    String id = saved.getRedirectedUrl().substring(saved.getRedirectedUrl().indexOf('=') + 1);

    // Every analyst sees it, and opening it runs it; only the owner may change it.
    mvc.perform(
            get("/warehouse/sql").param("saved", id).with(signedIn.request(Fixtures.SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name)))
        .andExpect(content().string(containsString("id=\"result-table\"")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Save changes"))));
    mvc.perform(update(id, Fixtures.SUPERVISOR, name, "1")).andExpect(status().isForbidden());
    mvc.perform(delete(id, Fixtures.SUPERVISOR)).andExpect(status().isForbidden());

    mvc.perform(update(id, Fixtures.ANALYST, name + " (v2)", "1"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(update(id, Fixtures.ANALYST, name + " (v3)", "1")).andExpect(status().isConflict());
    mvc.perform(get("/warehouse/sql").with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(content().string(containsString(name + " (v2)")));

    // A query the page would refuse, or a name in use, is not saved.
    mvc.perform(
            post("/warehouse/sql/saved")
                .with(signedIn.request(Fixtures.ANALYST))
                .with(csrf())
                .param("name", name + " (v2)")
                .param("sql", "select * from read_csv('/etc/passwd')"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("href=\"#name\"")))
        .andExpect(content().string(containsString("read_csv(…) is refused")));

    mvc.perform(delete(id, Fixtures.ANALYST)).andExpect(status().is3xxRedirection());
    mvc.perform(get("/warehouse/sql").param("saved", id).with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isNotFound());

    List<AuditLog.Entry> trail =
        audit.read(new AuditLog.AuditQuery(SavedQueries.SUBJECT, id, null, null, 10));
    assertThat(trail)
        .extracting(AuditLog.Entry::action)
        .containsExactly(AuditAction.DELETE, AuditAction.UPDATE, AuditAction.CREATE);
    assertThat(trail).allMatch(e -> e.actor().equals(Fixtures.ANALYST));
  }

  @Test
  void anAdministratorMayDeleteAnyonesSavedQuery() throws Exception {
    MockHttpServletResponse saved =
        mvc.perform(
                post("/warehouse/sql/saved")
                    .with(signedIn.request(Fixtures.ANALYST))
                    .with(csrf())
                    .param("name", "Left behind " + UUID.randomUUID().toString().substring(0, 6))
                    .param("sql", "select 1"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse();
    String id = saved.getRedirectedUrl().substring(saved.getRedirectedUrl().indexOf('=') + 1);
    mvc.perform(delete(id, Fixtures.ADMIN)).andExpect(status().is3xxRedirection());
  }

  private MockHttpServletRequestBuilder api(String sql, String user) {
    return post("/api/v1/warehouse/sql")
        .with(signedIn.request(user))
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content(JsonMapper.builder().build().writeValueAsString(new SqlApiController.Query(sql)));
  }

  private MockHttpServletRequestBuilder page(String sql, String user) {
    return post("/warehouse/sql").with(signedIn.request(user)).with(csrf()).param("sql", sql);
  }

  private MockHttpServletRequestBuilder download(String path, String sql) {
    return post(path).with(signedIn.request(Fixtures.SUPERVISOR)).with(csrf()).param("sql", sql);
  }

  private MockHttpServletRequestBuilder update(String id, String user, String name, String v) {
    return post("/warehouse/sql/saved/" + id)
        .with(signedIn.request(user))
        .with(csrf())
        .param("name", name)
        .param("sql", "select status from fact_case")
        .param("version", v);
  }

  private MockHttpServletRequestBuilder delete(String id, String user) {
    return post("/warehouse/sql/saved/" + id + "/delete").with(signedIn.request(user)).with(csrf());
  }

  private long count() {
    return warehouse.read(
        c -> {
          try (var s = c.createStatement();
              var rs = s.executeQuery("select count(*) from fact_case")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
