// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.BackupTaken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit log is append-only in the database itself, on H2 and PostgreSQL alike, and the DPO can
 * search it and take it away as CSV.
 */
class AuditLogIT extends IntegrationTest {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired ApplicationEventPublisher events;
  @Autowired SignedIn signedIn;

  @Test
  void noOneCanUpdateDeleteOrTruncateTheAuditLog() {
    String subject = "append-only-" + UUID.randomUUID();
    audit.record(AuditAction.VIEW, "test", subject, "written once");
    long before = count();

    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update audit_log set detail = 'rewritten' where subject_id = ?", subject))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_log where subject_id = ?", subject))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate table audit_log"))
        .isInstanceOf(DataAccessException.class);

    assertThat(count()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_log where subject_id = ?", String.class, subject))
        .isEqualTo("written once");
  }

  @Test
  void theDpoFindsWhoLookedAtAResidentOnADayAndDownloadsItAsCsv() throws Exception {
    String resident = UUID.randomUUID().toString();
    audit.recordAs("amira", AuditAction.VIEW, "resident", resident, "opened the record");
    audit.recordAs("amira", AuditAction.UPDATE, "resident", resident, "=HYPERLINK(\"x\")");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    LocalDate tomorrow = today.plusDays(1);

    String page =
        admin(
                get("/admin/audit")
                    .param("subjectType", "resident")
                    .param("subjectId", resident)
                    .param("from-day", String.valueOf(today.getDayOfMonth()))
                    .param("from-month", String.valueOf(today.getMonthValue()))
                    .param("from-year", String.valueOf(today.getYear())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("opened the record").contains("amira");

    String tomorrowOn =
        admin(
                get("/admin/audit")
                    .param("subjectId", resident)
                    .param("from-day", String.valueOf(tomorrow.getDayOfMonth()))
                    .param("from-month", String.valueOf(tomorrow.getMonthValue()))
                    .param("from-year", String.valueOf(tomorrow.getYear())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(tomorrowOn).doesNotContain("opened the record").contains("No entries match");

    String csv =
        admin(get("/admin/audit/export").param("subjectId", resident))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv.lines().toList())
        .hasSize(3)
        .first()
        .isEqualTo("id,at_utc,actor,action,subject_type,subject_id,detail,from");
    assertThat(csv)
        .contains(",amira,VIEW,resident," + resident + ",opened the record,")
        .as("a spreadsheet must not run it")
        .contains(",\"'=HYPERLINK(\"\"x\"\")\",");
    assertThat(audit.read(new AuditLog.AuditQuery("audit", "log", null, null, 1)))
        .first()
        .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.EXPORT))
        .satisfies(e -> assertThat(e.detail()).contains(resident));
  }

  @Test
  void aDateThatIsNotRealIsAnErrorOnThePage() throws Exception {
    String page =
        admin(
                get("/admin/audit")
                    .param("to-day", "31")
                    .param("to-month", "2")
                    .param("to-year", "2026"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("govuk-error-summary").contains("date must be a real date");
  }

  @Test
  void aBackupIsRecordedAsAnExportByWhoeverTookIt() {
    String file = "/backups/borough-" + UUID.randomUUID() + ".zip";
    signedIn.as(
        Fixtures.ADMIN,
        () -> {
          events.publishEvent(new BackupTaken(Path.of(file)));
          return null;
        });
    assertThat(audit.read(new AuditLog.AuditQuery("database", "embedded", null, null, 1)))
        .first()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(Fixtures.ADMIN);
              assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
              assertThat(e.detail()).isEqualTo("online backup to " + file);
            });
  }

  private ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.ADMIN)));
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from audit_log", Long.class);
  }
}
