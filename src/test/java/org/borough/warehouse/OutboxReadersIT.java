// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.CaseFor;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.system.Outbox;
import org.borough.system.OutboxReaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every reader of the outbox reports how far it has read, the admin page shows it, and a warehouse
 * that finds the outbox pruned past its position rebuilds from the CRM instead of reading on.
 */
class OutboxReadersIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired Outbox outbox;
  @Autowired OutboxReaders readers;
  @Autowired Warehouse warehouse;
  @Autowired SelfRepair repair;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void notificationsAndTheWarehouseReportTheirPositionsOnTheAdminPage() throws Exception {
    String surname = "Reader" + UUID.randomUUID().toString().substring(0, 6);
    signedIn.as(
        Fixtures.AGENT,
        () -> {
          ResidentId r =
              residents.register(
                  ResidentDetailsFor.contact("Rae", surname, surname + "@example.org", null));
          return cases.open(CaseFor.missedBin(r, "Bin missed again"));
        });
    long written = outbox.lastPosition();
    String replica = Warehouse.readerName(warehouse.file());

    long end = System.nanoTime() + WAIT.toNanos();
    while ((readers.position("notifications") < written || readers.position(replica) < written)
        && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(readers.position("notifications")).isGreaterThanOrEqualTo(written);
    assertThat(readers.position(replica)).isGreaterThanOrEqualTo(written);

    assertThat(
            mvc.perform(get("/admin/outbox").with(signedIn.request(Fixtures.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Readers")
        .contains("notifications")
        .contains(replica);
    mvc.perform(get("/api/v1/admin/outbox").with(signedIn.request(Fixtures.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newest").isNumber())
        .andExpect(jsonPath("$.readers[?(@.name == 'notifications')].live").value(true));
  }

  @Test
  void aWarehouseBehindWhatWasPrunedRebuildsFromTheCrm() throws InterruptedException {
    warehouse.catchUp();
    long beyond = outbox.lastPosition() + 1_000;
    jdbc.sql(
            "insert into outbox_pruning (id, pruned_up_to, pruned_at, rows_deleted)"
                + " values (1, ?, current_timestamp, 0)")
        .param(beyond)
        .update();
    try {
      assertThat(repair.check()).isTrue();
      assertThat(repair.notice().reason()).contains("pruned up to " + beyond);
      long end = System.nanoTime() + WAIT.toNanos();
      while (warehouse.rebuildProgress().running() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertThat(warehouse.rebuildProgress().state()).isEqualTo(RebuildProgress.State.DONE);
    } finally {
      // The shared outbox was never really pruned: other tests' replicas must not rebuild.
      jdbc.sql("delete from outbox_pruning").update();
    }
  }
}
