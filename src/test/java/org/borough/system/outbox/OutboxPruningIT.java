// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.borough.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pruning deletes only what every live reader has passed and the retention allows. Each test has a
 * database of its own (H2 or PostgreSQL, as the run), so the shared test database keeps its outbox.
 */
class OutboxPruningIT {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Instant OLD = NOW.minus(Duration.ofDays(10));

  private JdbcClient jdbc;
  private DataSource dataSource;

  @BeforeEach
  void freshDatabase() throws Exception {
    dataSource =
        new SingleConnectionDataSource(
            TestDatabase.fresh(), TestDatabase.USER, TestDatabase.PASSWORD, true);
    Flyway.configure().dataSource(dataSource).locations(TestDatabase.migrations()).load().migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  private long event(Instant at) {
    jdbc.sql(
            "insert into outbox_event (event_type, aggregate_type, aggregate_id, occurred_at,"
                + " payload) values ('case.opened.v1', 'case', 'x', ?, '{}')")
        .param(Timestamp.from(at))
        .update();
    return jdbc.sql("select max(position) from outbox_event").query(Long.class).single();
  }

  private void reader(String name, long position, Instant at) {
    new JdbcOutboxReaders(jdbc, Clock.fixed(at, ZoneOffset.UTC)).moveTo(name, position);
  }

  private OutboxPruning pruning(int batch) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new OutboxPruning(
        jdbc,
        new JdbcOutboxReaders(jdbc, clock),
        new OutboxProperties(Duration.ofDays(7), Duration.ofDays(7), Duration.ofHours(1), batch),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        clock,
        dataSource);
  }

  private long rows() {
    return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
  }

  @Test
  void nothingGoesBeforeAnyReaderHasReported() {
    event(OLD);
    event(OLD);

    assertThat(pruning(100).prune().rows()).isZero();
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void deletesUpToTheSlowestLiveReaderInBatchesAndRecordsHowFar() {
    long first = event(OLD);
    for (int i = 0; i < 6; i++) {
      event(OLD);
    }
    long recent = event(NOW.minusSeconds(60));
    reader("notifications", first + 4, NOW);
    reader("warehouse@a", recent, NOW);

    OutboxPruning.Pruned pruned = pruning(2).prune();

    assertThat(pruned.upTo()).isEqualTo(first + 4);
    assertThat(pruned.rows()).isEqualTo(5);
    assertThat(jdbc.sql("select min(position) from outbox_event").query(Long.class).single())
        .isEqualTo(first + 5);
    assertThat(new JdbcOutbox(jdbc, null, Clock.systemUTC()).prunedUpTo()).isEqualTo(first + 4);
    // Again: nothing more until a reader moves.
    assertThat(pruning(2).prune().rows()).isZero();
  }

  @Test
  void keepsWhatIsInsideTheRetentionEvenWhenEveryReaderHasPassedIt() {
    long old = event(OLD);
    long recent = event(NOW.minus(Duration.ofDays(6)));
    reader("notifications", recent, NOW);

    assertThat(pruning(100).prune().upTo()).isEqualTo(old);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void aReaderAwayLongerThanTheExpiryNoLongerHoldsRowsBack() {
    long first = event(OLD);
    long last = event(OLD);
    reader("notifications", last, NOW);
    reader("warehouse@gone", first - 1, NOW.minus(Duration.ofDays(8)));

    assertThat(pruning(100).prune().upTo()).isEqualTo(last);
    assertThat(rows()).isZero();
  }

  /**
   * On PostgreSQL the space of pruned rows is reused by the next ones at once, whether or not
   * autovacuum runs (it is off on the machine the soak found the table growing on).
   */
  @Test
  void theSpaceOfPrunedRowsIsReusedAtOnceOnPostgresql() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "VACUUM is PostgreSQL's");
    long last = 0;
    for (int i = 0; i < 2000; i++) {
      last = event(OLD);
    }
    long full = tableBytes();
    reader("notifications", last, NOW);
    OutboxPruning pruning = pruning(10_000);
    assertThat(pruning.prune().rows()).isEqualTo(2000);
    pruning.reclaimSpace();
    for (int i = 0; i < 2000; i++) {
      event(NOW);
    }
    assertThat(tableBytes()).as("as big as with the first 2,000, not twice").isEqualTo(full);
  }

  private long tableBytes() {
    return jdbc.sql("select pg_relation_size('outbox_event')").query(Long.class).single();
  }

  @Test
  void theStatusShowsRowsReadersAndPruning() {
    long first = event(OLD);
    long second = event(OLD);
    event(NOW);
    reader("notifications", second, NOW);
    reader("warehouse@gone", 0, NOW.minus(Duration.ofDays(8)));
    pruning(100).prune();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    OutboxStatus status =
        new OutboxStatus(
            jdbc,
            new JdbcOutboxReaders(jdbc, clock),
            new OutboxProperties(Duration.ofDays(7), Duration.ofDays(7), Duration.ofHours(1), 100),
            clock,
            dataSource);

    OutboxStatus.Summary s = status.summary();

    assertThat(s.rows()).isEqualTo(1);
    assertThat(s.oldest()).isEqualTo(second + 1);
    assertThat(s.newest()).isEqualTo(second + 1);
    assertThat(s.prunedUpTo()).isEqualTo(second);
    assertThat(s.rowsPruned()).isEqualTo(second - first + 1);
    assertThat(s.retention()).isEqualTo("7 days");
    assertThat(s.readers())
        .extracting(
            OutboxStatus.Reader::name, OutboxStatus.Reader::behind, OutboxStatus.Reader::live)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("notifications", 1L, true),
            org.assertj.core.groups.Tuple.tuple("warehouse@gone", second + 1, false));
    // H2 counts the pages its store has written out, none yet for a table this new.
    assertThat(s.bytes())
        .as("the table's size on disk")
        .isGreaterThanOrEqualTo(TestDatabase.postgres() ? 1 : 0);
  }
}
