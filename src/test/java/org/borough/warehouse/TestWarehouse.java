// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borough.support.TestOutbox;
import org.borough.system.BankHolidays;
import org.borough.system.DomainEvent;
import org.borough.system.Outbox;
import org.borough.system.WorkingCalendar;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * A warehouse file in a temporary directory with a loader over an in-memory outbox, for tests that
 * need no Spring context. Events are the real event records, written as JSON by Jackson as the
 * CRM's outbox writes them.
 */
final class TestWarehouse implements AutoCloseable {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final WorkingCalendar CALENDAR =
      new WorkingCalendar(
          BankHolidays.bundled(),
          LONDON,
          java.time.LocalTime.of(9, 0),
          java.time.LocalTime.of(17, 0));

  final Path file;
  final TestOutbox outbox = new TestOutbox();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T10:00:00Z"));
  final FakeDimensions dimensions = new FakeDimensions();
  final Pseudonyms pseudonyms = new Pseudonyms("test-key-test-key-test-key-test-key".getBytes());
  final JsonMapper json = JsonMapper.builder().build();
  int batchSize;
  Duration gapTimeout = Duration.ofMinutes(2);
  final FakeCrm crm = new FakeCrm();
  WarehouseDatabase db;
  OutboxLoader loader;

  TestWarehouse(Path dir, int batchSize) {
    this.file = dir.resolve("test.duckdb");
    this.batchSize = batchSize;
    reopen();
  }

  /** Opens the file afresh, as a restarted process would. */
  void reopen() {
    db = new WarehouseDatabase(file);
    Dimensions dims = new Dimensions(CALENDAR);
    db.write(
        c -> {
          dims.refreshStatic(c.unwrap(DuckDBConnection.class));
          return null;
        });
    loader =
        new OutboxLoader(
            db,
            outbox,
            dims,
            dimensions,
            new BatchApplier(pseudonyms, CALENDAR, json),
            clock,
            batchSize,
            gapTimeout);
  }

  /**
   * Loads the fake CRM's state into the (empty) file as a rebuild does, with {@code position} as
   * the outbox position read in the snapshot.
   */
  CrmSnapshot.Result loadCrm(long position) {
    crm.position = position;
    return new CrmSnapshot(new Dimensions(CALENDAR), dimensions, pseudonyms, CALENDAR, clock, json)
        .load(db, crm, crm.outboxAt(outbox), n -> {});
  }

  /** Publishes an event to the fake outbox and returns its position. */
  long publish(DomainEvent event) {
    return outbox.add(event, json, clock.instant());
  }

  long count(String sql) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  List<List<Object>> rows(String sql) {
    return db.read(
        c -> {
          List<List<Object>> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              List<Object> row = new ArrayList<>();
              for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  void execute(String sql) {
    db.write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  @Override
  public void close() {
    db.close();
  }

  /** The CRM's state as lists; the snapshot sees the outbox only up to {@link #position}. */
  static final class FakeCrm implements CrmState {
    final List<org.borough.cases.CaseBulkRead.Case> cases = new ArrayList<>();
    final List<org.borough.cases.CaseBulkRead.StatusChange> statusChanges = new ArrayList<>();
    final List<org.borough.contacts.ContactBulkRead.Row> contacts = new ArrayList<>();
    final List<org.borough.residents.ResidentBulkRead.Row> residents = new ArrayList<>();
    final List<org.borough.governance.BudgetMonth> budget = new ArrayList<>();
    final List<org.borough.cases.CaseEvent> casework = new ArrayList<>();
    long position;

    /**
     * Adds an approved line's twelve months as governance's {@code BudgetLines.monthly} gives them,
     * with actuals in pence by month ("2026-01").
     */
    void budgetLine(
        UUID id,
        String year,
        long pence,
        String funding,
        String reserve,
        java.util.Map<String, Long> actuals,
        String... systems) {
      var fy = org.borough.governance.FinancialYear.parse(year).orElseThrow();
      List<Long> amounts = org.borough.governance.BudgetMonth.spread(pence);
      for (int m = 0; m < 12; m++) {
        var month = fy.months().get(m);
        budget.add(
            new org.borough.governance.BudgetMonth(
                new org.borough.governance.BudgetLineId(id),
                year,
                month,
                amounts.get(m),
                actuals.get(month.toString()),
                org.borough.governance.SpendKind.REVENUE,
                org.borough.governance.FundingKind.valueOf(funding),
                reserve,
                List.of(systems)));
      }
    }

    Outbox outboxAt(TestOutbox outbox) {
      return new Outbox() {
        @Override
        public List<Entry> readAfter(long after, int limit) {
          return outbox.readAfter(after, limit).stream()
              .filter(e -> e.position() <= position)
              .toList();
        }

        @Override
        public List<Entry> readAt(java.util.Collection<Long> positions) {
          return outbox.readAt(positions).stream().filter(e -> e.position() <= position).toList();
        }

        @Override
        public long prunedUpTo() {
          return outbox.prunedUpTo();
        }

        @Override
        public long lastPosition() {
          return position;
        }
      };
    }

    @Override
    public <T> T inOneSnapshot(java.util.function.Supplier<T> reads) {
      return reads.get();
    }

    @Override
    public long rowsToRead() {
      return cases.size() + statusChanges.size() + contacts.size() + residents.size();
    }

    @Override
    public boolean hasData() {
      return !cases.isEmpty() || !contacts.isEmpty();
    }

    @Override
    public void forEachCase(java.util.function.Consumer<org.borough.cases.CaseBulkRead.Case> each) {
      cases.forEach(each);
    }

    @Override
    public void forEachStatusChange(
        java.util.function.Consumer<org.borough.cases.CaseBulkRead.StatusChange> each) {
      statusChanges.forEach(each);
    }

    @Override
    public void forEachContact(
        java.util.function.Consumer<org.borough.contacts.ContactBulkRead.Row> each) {
      contacts.forEach(each);
    }

    @Override
    public void forEachBudgetMonth(
        java.util.function.Consumer<org.borough.governance.BudgetMonth> each) {
      budget.forEach(each);
    }

    @Override
    public void forEachCasework(java.util.function.Consumer<org.borough.cases.CaseEvent> each) {
      casework.forEach(each);
    }

    @Override
    public void forEachResident(
        java.util.function.Consumer<org.borough.residents.ResidentBulkRead.Row> each) {
      residents.forEach(each);
    }
  }

  static final class FakeDimensions implements DimensionSource {
    final UUID waste = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    final UUID roads = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    List<Service> services =
        List.of(
            new Service(
                "missed-bin", "Missed bin", "Bins", "NORMAL", 2, "WORKING_DAYS", true, waste),
            new Service("pothole", "Pothole", "Roads", "HIGH", 8, "WORKING_HOURS", true, roads));
    List<Ward> wards =
        List.of(new Ward("E05000001", "Central"), new Ward("E05000002", "Riverside"));
    List<Team> teams =
        List.of(new Team(waste, "waste", "Waste"), new Team(roads, "roads", "Roads"));

    @Override
    public List<Service> services() {
      return services;
    }

    @Override
    public List<Ward> wards() {
      return wards;
    }

    @Override
    public List<Team> teams() {
      return teams;
    }
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
