// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slowly changing dimensions' history outlives a rebuild: a service renamed between two cases
 * keeps both versions in the rebuilt file, and each case is counted under the version it opened
 * under, as the loader counted it at the time.
 */
class WarehouseHistoryTests {

  static final UUID BEFORE = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
  static final UUID AFTER = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
  static final String VERSIONS =
      "select service_key, service_code, name, valid_from, valid_to, is_current from dim_service"
          + " order by service_key";
  static final String CASE_KEYS = "select case_key, service_key from fact_case order by case_key";

  @TempDir Path dir;
  TestWarehouse live;
  TestWarehouse rebuilt;

  @AfterEach
  void close() {
    for (TestWarehouse w : new TestWarehouse[] {live, rebuilt}) {
      if (w != null) {
        w.close();
      }
    }
  }

  static List<DimensionSource.Service> renamed(TestWarehouse w) {
    return List.of(
        new DimensionSource.Service(
            "missed-bin",
            "Missed bin collection",
            "Bins",
            "NORMAL",
            2,
            "WORKING_DAYS",
            true,
            w.dimensions.waste),
        w.dimensions.services.get(1));
  }

  CaseOpened opened(TestWarehouse w, UUID id) {
    Instant at = w.clock.instant();
    return new CaseOpened(
        new CaseId(id),
        "BR-2026-" + id.toString().substring(30),
        "missed-bin",
        null,
        "E05000001",
        w.dimensions.waste,
        "PHONE",
        "NORMAL",
        at,
        at.plus(Duration.ofDays(2)),
        null);
  }

  @Test
  void aRenamedServiceKeepsBothVersionsAndItsCasesTheirsAfterARebuild() throws Exception {
    live = new TestWarehouse(Files.createDirectories(dir.resolve("live")), 100);
    Instant first = live.clock.instant();
    live.publish(opened(live, BEFORE));
    live.loader.catchUp();
    live.clock.advance(Duration.ofHours(2));
    live.dimensions.services = renamed(live);
    Instant second = live.clock.instant();
    long position = live.publish(opened(live, AFTER));
    live.loader.catchUp();
    assertThat(live.count("select count(*) from dim_service where service_code = 'missed-bin'"))
        .isEqualTo(2);
    assertThat(live.count("select count(distinct service_key) from fact_case")).isEqualTo(2);

    // The rebuild reads the same two cases from the CRM, with the service as it is now.
    rebuilt = new TestWarehouse(Files.createDirectories(dir.resolve("rebuilt")), 100);
    rebuilt.dimensions.services = renamed(rebuilt);
    rebuilt.crm.cases.add(
        KpiFixture.kase(
            BEFORE,
            "missed-bin",
            "E05000001",
            rebuilt.dimensions.waste,
            "PHONE",
            CaseStatus.NEW,
            first.toString(),
            first.plus(Duration.ofDays(2)).toString(),
            null,
            0));
    rebuilt.crm.cases.add(
        KpiFixture.kase(
            AFTER,
            "missed-bin",
            "E05000001",
            rebuilt.dimensions.waste,
            "PHONE",
            CaseStatus.NEW,
            second.toString(),
            second.plus(Duration.ofDays(2)).toString(),
            null,
            0));
    live.db.read(
        from ->
            rebuilt.db.write(
                to -> {
                  Dimensions.carryHistory(from, to.unwrap(DuckDBConnection.class));
                  return null;
                }));
    rebuilt.loadCrm(position);

    assertThat(rebuilt.rows(VERSIONS)).isEqualTo(live.rows(VERSIONS));
    assertThat(rebuilt.rows(CASE_KEYS)).isEqualTo(live.rows(CASE_KEYS));
    // A version added after the rebuild takes a key of its own, not one the history holds.
    rebuilt.dimensions.services =
        List.of(rebuilt.dimensions.services.get(0), renamedPothole(rebuilt));
    rebuilt.clock.advance(Duration.ofHours(3));
    rebuilt.publish(opened(rebuilt, UUID.randomUUID()));
    rebuilt.loader.catchUp();
    assertThat(rebuilt.count("select count(distinct service_key) from dim_service"))
        .isEqualTo(rebuilt.count("select count(*) from dim_service"));
  }

  @Test
  void aCaseOlderThanEveryVersionIsCountedUnderTheFirst() throws Exception {
    rebuilt = new TestWarehouse(Files.createDirectories(dir.resolve("bare")), 100);
    rebuilt.dimensions.services = renamed(rebuilt);
    Instant opened = rebuilt.clock.instant().minus(Duration.ofDays(30));
    rebuilt.crm.cases.add(
        KpiFixture.kase(
            BEFORE,
            "missed-bin",
            "E05000001",
            rebuilt.dimensions.waste,
            "PHONE",
            CaseStatus.NEW,
            opened.toString(),
            opened.plus(Duration.ofDays(2)).toString(),
            null,
            0));
    rebuilt.loadCrm(0);
    // A case older than every version is counted under the first there is.
    assertThat(rebuilt.count("select count(*) from fact_case where service_key is null")).isZero();
  }

  static DimensionSource.Service renamedPothole(TestWarehouse w) {
    return new DimensionSource.Service(
        "pothole",
        "Pothole or sunken road",
        "Roads",
        "HIGH",
        8,
        "WORKING_HOURS",
        true,
        w.dimensions.roads);
  }
}
