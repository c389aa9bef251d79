// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.borough.governance.BudgetLines;
import org.borough.system.Outbox;
import org.borough.system.OutboxReaders;
import org.borough.system.SystemProperties;
import org.borough.system.WorkingCalendar;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warehouse in the running application: the live DuckDB file and its loader, the scheduled
 * poll, the data tests after loads, reads for pages and the API, and the rebuild that reads the
 * CRM's current state into a fresh file, follows the outbox from there and swaps it in.
 */
@Component
class Warehouse implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

  private final WarehouseProperties properties;
  private final Outbox outbox;
  private final DimensionSource source;
  private final Clock clock;
  private final Path file;
  private final CrmState crm;
  private final Pseudonyms pseudonyms;
  private final Dimensions dimensions;
  private final BatchApplier applier;
  private final CrmSnapshot snapshot;
  private final DataTests dataTests;
  // Readers and the loader hold the read lock; the swap at the end of a rebuild the write lock.
  private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
  private final ExecutorService rebuilds = background("warehouse-rebuild");
  // The data tests read the whole warehouse (seconds on millions of rows): on the loader's own
  // thread they held every change back that long, so they run beside it, one run at a time.
  private final ExecutorService checks = background("warehouse-data-tests");
  private final AtomicBoolean checking = new AtomicBoolean();

  private volatile WarehouseDatabase db;
  private volatile OutboxLoader loader;
  private volatile Instant asAt;
  private volatile Instant lastDataTests = Instant.EPOCH;

  /**
   * Loads were applied since the data tests last ran. Kept until they run: the last batch of a
   * burst often lands inside the pause between runs, and without it the page would show results
   * from before that batch until the next write, however long that takes.
   */
  private volatile boolean testsOwed;

  private final ApplicationEventPublisher events;

  private volatile Duration lastDataTestsTook = Duration.ZERO;
  private volatile List<DataTests.Result> latestDataTests = List.of();
  private volatile RebuildProgress rebuild = RebuildProgress.IDLE;
  private volatile long expectedRows;

  private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
  private final OutboxReaders readers;

  /** This replica's name among the outbox's readers: its host and file. */
  private final String readerName;

  private volatile Instant lastReported = Instant.EPOCH;

  Warehouse(
      WarehouseProperties properties,
      SystemProperties system,
      Outbox outbox,
      DimensionSource source,
      CrmState crm,
      WorkingCalendar calendar,
      JsonMapper json,
      Clock clock,
      CrmCounts counts,
      BudgetLines budget,
      OutboxReaders readers,
      ApplicationEventPublisher events) {
    this.properties = properties;
    this.readers = readers;
    this.events = events;
    this.outbox = outbox;
    this.source = source;
    this.crm = crm;
    this.clock = clock;
    this.file = properties.fileUnder(system.dataDir()).toAbsolutePath();
    this.readerName = readerName(file);
    this.pseudonyms =
        Pseudonyms.load(properties.pseudonymKey(), file.resolveSibling("pseudonym.key"));
    this.dimensions = new Dimensions(calendar);
    this.applier = new BatchApplier(pseudonyms, calendar, json);
    this.snapshot = new CrmSnapshot(dimensions, source, pseudonyms, calendar, clock, json);
    this.dataTests =
        new DataTests(
            new Reconciliation(counts.perHour(), budget::approvedPerYear, calendar.zone()));
    this.db = open(file);
    this.loader = loaderFor(db);
    this.latestDataTests = db.read(DataTests::latest);
  }

  static String readerName(Path file) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    String name = "warehouse@" + host + ":" + file;
    // The column holds 100 characters: the end of a long path tells replicas apart.
    return name.length() <= 100 ? name : name.substring(name.length() - 100);
  }

  /** One daemon thread for long work started from a page, so the request returns at once. */
  static ExecutorService background(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  private WarehouseDatabase open(Path f) {
    WarehouseDatabase d = new WarehouseDatabase(f, properties.memoryLimit());
    d.write(
        c -> {
          dimensions.refreshStatic(c.unwrap(DuckDBConnection.class));
          return null;
        });
    return d;
  }

  private OutboxLoader loaderFor(WarehouseDatabase d) {
    return new OutboxLoader(
        d,
        outbox,
        dimensions,
        source,
        applier,
        clock,
        properties.batchSize(),
        properties.gapTimeout());
  }

  @Scheduled(
      fixedDelayString = "${borough.warehouse.poll-interval:2s}",
      initialDelayString = "${borough.warehouse.poll-interval:2s}")
  void poll() {
    if (!properties.enabled() || stale()) {
      return; // a file of another model waits for its rebuild (WarehouseStartup, or an admin)
    }
    try {
      OutboxLoader.Batch b = runOnce();
      if (b.didSomething()) {
        testsOwed = true;
      }
      if (testsOwed
          && !lastDataTests.plus(dataTestPause()).isAfter(clock.instant())
          && checking.compareAndSet(false, true)) {
        testsOwed = false;
        checks.execute(this::runDataTestsInBackground);
      }
    } catch (RuntimeException e) {
      log.error("Warehouse load failed; will retry on the next poll", e);
    }
  }

  /**
   * The least time between two runs of the data tests after loads: the configured interval, or ten
   * times the last run's duration if longer. Over 61M rows a run takes some 17 s of both cores;
   * every 30 s that was half the machine, and the freshness of the figures suffered with the CRM.
   */
  private Duration dataTestPause() {
    Duration tenTimes = lastDataTestsTook.multipliedBy(10);
    return tenTimes.compareTo(properties.dataTestInterval()) > 0
        ? tenTimes
        : properties.dataTestInterval();
  }

  /** The results of the last run of the data tests (empty before the first). */
  List<DataTests.Result> latestDataTests() {
    return latestDataTests;
  }

  private void runDataTestsInBackground() {
    try {
      runDataTests();
    } catch (RuntimeException e) {
      log.error("Warehouse data tests failed to run; will try again after the next load", e);
    } finally {
      checking.set(false);
    }
  }

  /** Applies one batch from the outbox. */
  OutboxLoader.Batch runOnce() {
    swap.readLock().lock();
    try {
      Instant started = clock.instant();
      OutboxLoader.Batch b = loader.runBatch();
      if (b.applied() + b.quarantined() < properties.batchSize()) {
        asAt = started; // read to the end of the outbox as it stood when the batch began
      }
      if (b.erasures() > 0) {
        events.publishEvent(new PseudonymsForgotten(b.erasures()));
      }
      report(b);
      return b;
    } finally {
      swap.readLock().unlock();
    }
  }

  /**
   * Tells the outbox how far this replica has loaded, so that pruning never deletes what it has not
   * read: after a batch that moved, and once a minute when idle, so a live replica never looks
   * away. A failure here only delays pruning.
   */
  private void report(OutboxLoader.Batch b) {
    Instant now = clock.instant();
    if (!b.didSomething() && lastReported.plus(REPORT_EVERY).isAfter(now)) {
      return;
    }
    try {
      readers.moveTo(readerName, b.settledPosition());
      lastReported = now;
    } catch (RuntimeException e) {
      log.warn("Could not report the warehouse's outbox position: {}", e.toString());
    }
  }

  /** Applies batches until the outbox has nothing new; returns the events applied. */
  long catchUp() {
    long applied = 0;
    OutboxLoader.Batch b;
    do {
      b = runOnce();
      applied += b.applied();
    } while (b.applied() + b.quarantined() > 0);
    return applied;
  }

  /** Runs the data tests now and stores the results. */
  List<DataTests.Result> runDataTests() {
    swap.readLock().lock();
    try {
      Instant now = clock.instant();
      List<DataTests.Result> results = db.read(dataTests::run);
      long high = loader.state().highPosition();
      db.write(c -> DataTests.store(c.unwrap(DuckDBConnection.class), results, high, now));
      lastDataTests = now;
      lastDataTestsTook = Duration.between(now, clock.instant());
      latestDataTests = results;
      return results;
    } finally {
      swap.readLock().unlock();
    }
  }

  /** Reads the live warehouse (not during the moment of a swap). */
  /** The key the facts hold a case by (see {@link Pseudonyms#ofCase}). */
  UUID caseKeyOf(UUID caseId) {
    return pseudonyms.ofCase(caseId);
  }

  /** The CRM's id of a case the facts hold by its key (see {@link Pseudonyms#ofCase}). */
  UUID caseIdOf(UUID caseKey) {
    return pseudonyms.caseIdOf(caseKey);
  }

  <T> T read(WarehouseDatabase.Work<T> work) {
    swap.readLock().lock();
    try {
      return db.read(work);
    } finally {
      swap.readLock().unlock();
    }
  }

  /** The last time the loader had read everything in the outbox; null before the first poll. */
  Instant asAt() {
    return asAt;
  }

  OutboxLoader.State state() {
    swap.readLock().lock();
    try {
      return loader.state();
    } finally {
      swap.readLock().unlock();
    }
  }

  long outboxPosition() {
    return outbox.lastPosition();
  }

  /** Positions up to this were pruned from the outbox: a replica behind it must rebuild. */
  long outboxPrunedUpTo() {
    return outbox.prunedUpTo();
  }

  Path file() {
    return file;
  }

  RebuildProgress rebuildProgress() {
    return rebuild;
  }

  /** Starts a rebuild in the background; false when one is already running. */
  synchronized boolean startRebuild() {
    if (rebuild.running()) {
      return false;
    }
    rebuild = RebuildProgress.started(clock.instant(), 0);
    rebuilds.execute(this::rebuildNow);
    return true;
  }

  /** Whether the live file was made with another version of the model, so must be rebuilt. */
  boolean stale() {
    return !db.current();
  }

  /**
   * True when this file was never loaded from the CRM's state: new, or made by replaying the outbox
   * only, so that rows the CRM holds without events (bulk-loaded demo data) are missing from it.
   */
  boolean neverReadFromCrm() {
    return read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select count(*) from loader_snapshot")) {
            rs.next();
            return rs.getLong(1) == 0;
          }
        });
  }

  /** Whether the CRM has cases or contacts. */
  boolean crmHasData() {
    return crm.hasData();
  }

  /**
   * Rebuilds from the CRM's current state into a fresh file beside the live one, carries over what
   * the CRM cannot give back (data-test history and past days' backlog snapshots), applies the
   * outbox from the position read with the state, then swaps the file in.
   */
  RebuildProgress rebuildNow() {
    synchronized (rebuildLock) {
      return rebuildAlone();
    }
  }

  private final Object rebuildLock = new Object();

  /** Where a rebuild has got to, for an operator watching a long one (and for benchmarks). */
  private void phase(String what, Instant started) {
    log.info("Rebuild: {} at {} s", what, String.format("%.1f", seconds(started, clock.instant())));
  }

  private static double seconds(Instant from, Instant until) {
    return Math.max(0.001, (until.toEpochMilli() - from.toEpochMilli()) / 1000.0);
  }

  private RebuildProgress rebuildAlone() {
    Instant started = clock.instant();
    rebuild = RebuildProgress.started(started, 0);
    // Counted beside the reading, not before it: counting millions of rows on PostgreSQL took
    // seconds that the progress bar's total is not worth waiting for (it shows 0% until known).
    expectedRows = 0;
    CompletableFuture.runAsync(
        () -> {
          try {
            expectedRows = crm.rowsToRead();
          } catch (RuntimeException e) {
            log.warn("Could not count the CRM's rows for the rebuild's progress bar", e);
          }
        });
    Path next = file.resolveSibling(file.getFileName() + ".rebuild");
    try {
      deleteWithWal(next);
      CrmSnapshot.Result read;
      Instant swapped;
      try (WarehouseDatabase fresh = open(next)) {
        phase("opened the new file", started);
        carryHistory(fresh);
        read = snapshot.load(fresh, crm, outbox, n -> rebuild = rebuild.at(n, expectedRows));
        phase("read and committed", started);
        rebuild = rebuild.at(read.rows(), read.rows());
        carryOver(fresh);
        OutboxLoader follow = loaderFor(fresh);
        follow.catchUp(); // what committed while reading, outside the lock
        phase("carried over history and caught up", started);
        swap.writeLock().lock();
        try {
          Instant caughtUp = clock.instant();
          follow.catchUp(); // the last few, while pages wait
          db.close();
          fresh.close();
          deleteWithWal(file);
          Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
          db = open(file);
          loader = loaderFor(db);
          asAt = caughtUp;
        } finally {
          swap.writeLock().unlock();
        }
        swapped = clock.instant();
      }
      runDataTests();
      // The rate counts the whole rebuild up to the swap: reading, DuckDB's commit and catching
      // up; not the data tests, which run on the live file afterwards.
      double seconds = seconds(started, swapped);
      String message =
          String.format(
              java.util.Locale.UK,
              "Rebuilt from the CRM: %,d rows in %.1f s (%,.0f rows/s; reading %.1f s, committing"
                  + " and swapping in %.1f s), then the outbox from position %d",
              read.rows(),
              seconds,
              read.rows() / seconds,
              seconds(read.readFrom(), read.readUntil()),
              seconds(read.readUntil(), swapped),
              read.position());
      rebuild = rebuild.finished(clock.instant(), message);
      log.info("Warehouse rebuilt: {}", message);
    } catch (Exception e) {
      log.error("Warehouse rebuild failed", e);
      rebuild = rebuild.failed(clock.instant(), e.getMessage());
      swap.writeLock().lock();
      try {
        if (db == null || isClosed()) {
          db = open(file);
          loader = loaderFor(db);
        }
      } finally {
        swap.writeLock().unlock();
      }
    }
    return rebuild;
  }

  private boolean isClosed() {
    try {
      db.read(c -> null);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  /**
   * Copies the services', wards' and teams' history into the fresh file before the CRM is read into
   * it, so that the versions of a dimension outlive a rebuild (and cases are counted under the
   * version valid when they opened). A live file of another model may lack them: then the history
   * starts again, as it did before there was any.
   */
  private void carryHistory(WarehouseDatabase fresh) {
    try {
      read(
          live -> {
            fresh.write(
                conn -> {
                  Dimensions.carryHistory(live, conn.unwrap(DuckDBConnection.class));
                  return null;
                });
            return null;
          });
    } catch (RuntimeException e) {
      // A file that cannot be read (the reason for some rebuilds) has no history to give.
      log.warn("The dimensions' history is not carried over: {}", e.getMessage());
    }
  }

  /** Copies data-test history and the backlog snapshots of past days into the fresh file. */
  private void carryOver(WarehouseDatabase fresh) {
    int today = Rows.dateKey(clock.instant(), applier.zone());
    List<Object[]> runs = rows("select * from dq_run");
    List<Object[]> results = rows("select * from dq_result");
    List<Object[]> backlog = rows("select * from fact_backlog_daily where date_key < " + today);
    fresh.write(
        conn -> {
          DuckDBConnection c = conn.unwrap(DuckDBConnection.class);
          try (Statement s = c.createStatement()) {
            s.execute("delete from fact_backlog_daily where date_key < " + today);
          }
          append(c, "dq_run", runs);
          append(c, "dq_result", results);
          append(c, "fact_backlog_daily", backlog);
          return null;
        });
  }

  private List<Object[]> rows(String sql) {
    return read(
        c -> {
          List<Object[]> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              Object[] row = new Object[n];
              for (int i = 0; i < n; i++) {
                Object v = rs.getObject(i + 1);
                row[i] = v instanceof java.time.OffsetDateTime ? Rows.instant(v) : v;
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  private static void append(DuckDBConnection c, String table, List<Object[]> rows)
      throws java.sql.SQLException {
    try (DuckDBAppender a = c.createAppender(table)) {
      for (Object[] row : rows) {
        Rows.append(a, row);
      }
    }
  }

  private static void deleteWithWal(Path f) throws IOException {
    Files.deleteIfExists(f);
    Files.deleteIfExists(f.resolveSibling(f.getFileName() + ".wal"));
  }

  @Override
  public void destroy() {
    rebuilds.shutdownNow();
    checks.shutdownNow();
    swap.writeLock().lock();
    try {
      db.close();
    } finally {
      swap.writeLock().unlock();
    }
  }
}
