// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseBulkRead;
import org.borough.cases.CaseId;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseStatusChanged;
import org.borough.contacts.ContactBulkRead;
import org.borough.contacts.ContactId;
import org.borough.contacts.ContactLogged;
import org.borough.residents.ResidentBulkRead;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild reads the CRM's current state, then the loader follows the outbox from the position
 * read with it: rows written without events are there, nothing is applied twice, and positions
 * still open when the state was read are waited for.
 */
class WarehouseRebuildTests {

  static final Instant MONDAY_10AM = Instant.parse("2026-03-23T10:00:00Z");

  @TempDir Path dir;
  TestWarehouse w;

  @AfterEach
  void close() {
    if (w != null) {
      w.close();
    }
  }

  /** A case in the CRM's tables, as the bulk read gives it. */
  CaseBulkRead.Case crmCase(UUID id, CaseStatus status, Instant resolved, int reopened) {
    return new CaseBulkRead.Case(
        id,
        "BR-2026-" + id.toString().substring(0, 6),
        "missed-bin",
        null,
        "E05000001",
        w.dimensions.waste,
        "PHONE",
        "NORMAL",
        status,
        MONDAY_10AM,
        MONDAY_10AM.plus(Duration.ofDays(2)),
        status == CaseStatus.NEW ? null : MONDAY_10AM.plusSeconds(60),
        resolved,
        null,
        null,
        reopened);
  }

  CaseOpened opened(UUID id) {
    return new CaseOpened(
        new CaseId(id),
        "BR-2026-" + id.toString().substring(0, 6),
        "missed-bin",
        null,
        "E05000001",
        w.dimensions.waste,
        "PHONE",
        "NORMAL",
        MONDAY_10AM,
        MONDAY_10AM.plus(Duration.ofDays(2)),
        null);
  }

  @Test
  void loadsRowsThatHaveNoEventsAndFollowsTheOutboxFromThePositionReadWithThem() {
    w = new TestWarehouse(dir, 100);
    UUID viaEvents = UUID.randomUUID();
    UUID bulkInserted = UUID.randomUUID();
    w.publish(opened(viaEvents));
    Instant started = MONDAY_10AM.plusSeconds(60);
    w.publish(
        new CaseStatusChanged(
            new CaseId(viaEvents), CaseStatus.NEW, CaseStatus.IN_PROGRESS, started, null, false));
    w.crm.cases.add(crmCase(viaEvents, CaseStatus.IN_PROGRESS, null, 0));
    w.crm.statusChanges.add(
        new CaseBulkRead.StatusChange(viaEvents, started, CaseStatus.NEW, CaseStatus.IN_PROGRESS));
    w.crm.cases.add(crmCase(bulkInserted, CaseStatus.NEW, null, 0));
    w.clock.advance(Duration.ofSeconds(5));

    CrmSnapshot.Result read = w.loadCrm(2);
    assertThat(read.rows()).isEqualTo(3);
    assertThat(w.loader.state().highPosition()).isEqualTo(2);
    assertThat(w.count("select count(*) from fact_case")).isEqualTo(2);

    w.clock.advance(Duration.ofMinutes(1));
    Instant resolved = w.clock.instant();
    w.publish(
        new CaseStatusChanged(
            new CaseId(viaEvents),
            CaseStatus.IN_PROGRESS,
            CaseStatus.RESOLVED,
            resolved,
            null,
            false));
    assertThat(w.loader.catchUp()).isEqualTo(1);

    assertThat(
            w.rows(
                "select status, resolved_at is not null, last_position from fact_case"
                    + " where case_key = '"
                    + w.pseudonyms.ofCase(viaEvents)
                    + "'"))
        .containsExactly(List.of("RESOLVED", true, 3L));
    assertThat(w.rows("select position, to_status from fact_case_event order by changed_at"))
        .containsExactly(java.util.Arrays.asList(null, "IN_PROGRESS"), List.of(3L, "RESOLVED"));
    assertThat(w.count("select count(*) from quarantine")).isZero();
    assertThat(w.count("select count(*) from loader_snapshot where position = 2")).isEqualTo(1);
  }

  @Test
  void appliesEventsTheStateAlreadyReflectsAsNoOps() {
    w = new TestWarehouse(dir, 100);
    UUID id = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID resident = UUID.randomUUID();
    Instant resolved = MONDAY_10AM.plusSeconds(3600);
    Instant reopened = MONDAY_10AM.plusSeconds(7200);
    w.publish(opened(id)); // 1: the position the snapshot read
    // 2-5: committed while the state was being read, and already in it.
    w.publish(
        new CaseStatusChanged(
            new CaseId(id), CaseStatus.NEW, CaseStatus.RESOLVED, resolved, null, false));
    w.publish(
        new CaseStatusChanged(
            new CaseId(id), CaseStatus.RESOLVED, CaseStatus.OPEN, reopened, null, true));
    w.publish(
        new ContactLogged(
            new ContactId(contact),
            resident,
            id,
            "PHONE",
            "INBOUND",
            "CASE_UPDATED",
            false,
            60,
            MONDAY_10AM));
    w.publish(new ResidentRegistered(new ResidentId(resident), "E05000002"));
    w.crm.cases.add(crmCase(id, CaseStatus.OPEN, null, 1));
    w.crm.statusChanges.add(
        new CaseBulkRead.StatusChange(id, resolved, CaseStatus.NEW, CaseStatus.RESOLVED));
    w.crm.statusChanges.add(
        new CaseBulkRead.StatusChange(id, reopened, CaseStatus.RESOLVED, CaseStatus.OPEN));
    w.crm.contacts.add(
        new ContactBulkRead.Row(
            contact, resident, id, "PHONE", "INBOUND", "CASE_UPDATED", false, 60, MONDAY_10AM));
    w.crm.residents.add(new ResidentBulkRead.Row(resident, "E05000002", MONDAY_10AM, null));
    w.clock.advance(Duration.ofSeconds(1));

    w.loadCrm(1);
    assertThat(w.loader.catchUp()).isEqualTo(4);

    assertThat(w.count("select count(*) from quarantine")).isZero();
    assertThat(w.rows("select status, times_reopened, resolved_at from fact_case"))
        .containsExactly(java.util.Arrays.asList("OPEN", 1, null));
    assertThat(w.count("select count(*) from fact_case_event")).isEqualTo(2);
    assertThat(w.count("select count(*) from fact_contact")).isEqualTo(1);
    assertThat(w.rows("select resident_key, ward_code from dim_resident"))
        .containsExactly(List.of(w.pseudonyms.of(resident), "E05000002"));
  }

  @Test
  void waitsForPositionsStillOpenWhenTheStateWasRead() {
    w = new TestWarehouse(dir, 100);
    UUID late = UUID.randomUUID();
    w.publish(opened(UUID.randomUUID()));
    long open = w.publish(opened(late));
    w.outbox.hide(open); // its transaction has not committed: not in the state either
    w.publish(opened(UUID.randomUUID()));
    w.crm.cases.add(crmCase(UUID.randomUUID(), CaseStatus.NEW, null, 0));

    assertThat(w.loadCrm(3).gaps()).isEqualTo(1);
    assertThat(w.loader.state().openGaps()).isEqualTo(1);

    w.outbox.show(open);
    assertThat(w.loader.catchUp()).isEqualTo(1);
    assertThat(
            w.count(
                "select count(*) from fact_case where case_key = '"
                    + w.pseudonyms.ofCase(late)
                    + "'"))
        .isEqualTo(1);
    assertThat(w.loader.state().openGaps()).isZero();
  }

  @Test
  void skipsEventsAboutWhatTheWarehouseDoesNotFollow() {
    w = new TestWarehouse(dir, 100);
    w.outbox.addRaw("team.changed.v1", "team", "x", MONDAY_10AM, "{}");
    w.outbox.addRaw("decision.published.v1", "decision", "y", MONDAY_10AM, "not even JSON");

    OutboxLoader.Batch b = w.loader.runBatch();

    assertThat(b.applied()).isEqualTo(2);
    assertThat(b.quarantined()).isZero();
    assertThat(w.loader.state().highPosition()).isEqualTo(2);
  }

  @Test
  void skipsFollowersAndNotificationsButQuarantinesACaseEventItDoesNotKnow() {
    w = new TestWarehouse(dir, 100);
    w.outbox.addRaw("case.followed.v1", "case", "x", MONDAY_10AM, "{}");
    w.outbox.addRaw("case.notification-sent.v1", "case", "x", MONDAY_10AM, "{}");
    w.outbox.addRaw("CaseTeleported", "case", "x", MONDAY_10AM, "{}");

    OutboxLoader.Batch b = w.loader.runBatch();

    assertThat(b.applied()).isEqualTo(2);
    assertThat(b.quarantined()).isEqualTo(1);
  }
}
