// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.privacy.Erasure;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The warehouse never keeps an erased person: once the loader has read the erasure, their pseudonym
 * is in no table analysts can query, the Parquet export is made again without it, and a rebuild
 * from the CRM does not bring it back; their case is still counted, anonymously.
 */
class ErasedResidentsIT extends IntegrationTest {

  @Autowired Warehouse warehouse;
  @Autowired ParquetExports parquet;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired ContactLog contacts;
  @Autowired Erasure erasure;
  @Autowired SignedIn signedIn;

  @Test
  void anErasedResidentsPseudonymIsNowhereInTheWarehouseNorItsParquetExport() throws Exception {
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    ResidentDetailsFor.contact(
                        "Wren", "Warehouse", "wren-" + UUID.randomUUID() + "@example.org", null)));
    CaseView opened =
        signedIn.as(
            Fixtures.AGENT,
            () -> cases.open(org.borough.support.CaseFor.missedBin(resident, "Bin missed")));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          contacts.log(
              new NewContact(
                  resident,
                  opened.reference(),
                  Channel.PHONE,
                  Direction.INBOUND,
                  null,
                  30,
                  ContactOutcome.CASE_UPDATED,
                  null));
          cases.changeStatus(opened.id(), CaseStatus.RESOLVED, "Emptied", true, null, null);
          return cases.changeStatus(opened.id(), CaseStatus.CLOSED, "Done", false, null, null);
        });
    warehouse.catchUp();
    UUID caseKey = warehouse.caseKeyOf(opened.id().value());
    String key = scalar("select resident_key from fact_case where case_key = '" + caseKey + "'");
    assertThat(key).isNotNull();
    assertThat(count("dim_resident where resident_key = '" + key + "'")).isOne();
    assertThat(count("fact_contact where resident_key = '" + key + "'")).isOne();
    assertThat(count("fact_case t where cast(t as varchar) like '%" + key + "%'"))
        .as("the search below finds the pseudonym in a row")
        .isOne();

    awaitIdle();
    assertThat(parquet.exportNow("ErasedResidentsIT").state()).isEqualTo(ParquetExports.State.DONE);
    assertThat(parquetRowsNaming(key)).isPositive();

    Instant erased = Instant.now();
    signedIn.as(Fixtures.DPO, () -> erasure.erase(resident, "Article 17 request received today"));
    warehouse.catchUp();

    for (String table : List.of("dim_resident", "fact_case", "fact_contact")) {
      assertThat(count(table + " t where cast(t as varchar) like '%" + key + "%'"))
          .as(table + " rows naming the erased resident")
          .isZero();
    }
    assertThat(count("fact_case where case_key = '" + caseKey + "' and status = 'CLOSED'"))
        .as("the case is still counted")
        .isOne();

    // The export made before the erasure is made again, by itself, without the pseudonym.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while ((parquet.last() == null
            || parquet.last().exportedAt().isBefore(erased)
            || parquet.status().running())
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(parquet.last().exportedAt()).isAfter(erased);
    assertThat(parquet.status().by()).isEqualTo("erasure");
    assertThat(parquetRowsNaming(key)).isZero();

    // A rebuild from the CRM's state does not bring the person back.
    assertThat(warehouse.rebuildNow().state()).isEqualTo(RebuildProgress.State.DONE);
    for (String table : List.of("dim_resident", "fact_case", "fact_contact")) {
      assertThat(count(table + " t where cast(t as varchar) like '%" + key + "%'"))
          .as(table + " rows naming the erased resident after a rebuild")
          .isZero();
    }
    assertThat(count("fact_case where case_key = '" + caseKey + "'")).isOne();
  }

  /** Waits for an export started by another test. */
  private void awaitIdle() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (parquet.status().running() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
  }

  /** Rows of any table of the Parquet export with the value anywhere in them. */
  private long parquetRowsNaming(String value) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(parquet.directory())) {
      files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    assertThat(files).isNotEmpty();
    long rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Path f : files) {
        try (ResultSet rs =
            s.executeQuery(
                "select count(*) from read_parquet('"
                    + f
                    + "') t where cast(t as varchar) like '%"
                    + value
                    + "%'")) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  private long count(String fromWhere) {
    return warehouse.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select count(*) from " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private String scalar(String sql) {
    return warehouse.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
              values.add(rs.getString(1));
            }
            return values.isEmpty() ? null : values.get(0);
          }
        });
  }
}
