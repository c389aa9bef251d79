// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Parquet export in the running application (H2 and PostgreSQL): from the admin page's button
 * and from the command line, into {@code parquet/} beside the warehouse file, shown on the page and
 * audited with who asked for it.
 */
class ParquetExportAdminIT extends IntegrationTest {

  @Autowired ParquetExports parquet;
  @Autowired WarehouseCommandLine commandLine;
  @Autowired AuditLog audit;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;

  /** Waits for an export started by another test (RoleMatrixIT posts the button too). */
  private void awaitIdle() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (parquet.status().running() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
  }

  @Test
  void anAdminExportsFromThePageWhichShowsTheExportAndTheAuditLogWho() throws Exception {
    awaitIdle();
    mvc.perform(
            post("/admin/warehouse/parquet").with(signedIn.request(Fixtures.ADMIN)).with(csrf()))
        .andExpect(redirectedUrl("/admin/warehouse"));
    awaitIdle();
    assertThat(parquet.status().state()).isEqualTo(ParquetExports.State.DONE);
    assertThat(parquet.status().by()).isEqualTo(Fixtures.ADMIN);
    assertThat(parquet.directory().resolve("fact_case")).isDirectory();
    assertThat(parquet.last().tables()).extracting(ParquetExport.Table::name).contains("fact_case");
    mvc.perform(get("/admin/warehouse").with(signedIn.request(Fixtures.ADMIN)))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("to outbox position")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Done, started by")));
    assertThat(exports()).anySatisfy(e -> assertThat(e.actor()).isEqualTo(Fixtures.ADMIN));
  }

  @Test
  void theCommandLineExportsAndExitsWithItsStatus() throws Exception {
    awaitIdle();
    assertThat(commandLine.command(new DefaultApplicationArguments("--other"))).isNull();
    Instant before = Instant.now().minusSeconds(1);
    assertThat(
            commandLine.command(
                new DefaultApplicationArguments("--" + WarehouseCommandLine.EXPORT_PARQUET)))
        .isZero();
    assertThat(parquet.last().exportedAt()).isAfter(before);
    assertThat(Files.exists(parquet.directory().resolve(ParquetExport.MANIFEST))).isTrue();
    assertThat(exports())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.detail()).contains("command line");
            });
  }

  private List<AuditLog.Entry> exports() {
    return signedIn
        .as(
            Fixtures.ADMIN,
            () -> audit.read(new AuditLog.AuditQuery("warehouse", "parquet", null, null, 50)))
        .stream()
        .filter(e -> e.action() == AuditAction.EXPORT)
        .toList();
  }
}
