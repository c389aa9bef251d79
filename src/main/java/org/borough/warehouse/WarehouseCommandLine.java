// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar borough.jar --warehouse.rebuild} rebuilds the warehouse from the CRM, runs the
 * data tests, prints the outcome and exits (status 1 on failure); {@code
 * --warehouse.export-parquet} exports the star schema to Parquet and exits. Stop the running server
 * first: one process at a time opens the DuckDB file read-write.
 */
@Component
@Order(200)
class WarehouseCommandLine implements ApplicationRunner {

  static final String REBUILD = "warehouse.rebuild";
  static final String EXPORT_PARQUET = "warehouse.export-parquet";
  private static final Logger log = LoggerFactory.getLogger(WarehouseCommandLine.class);

  private final Warehouse warehouse;
  private final ParquetExports parquet;
  private final ConfigurableApplicationContext context;

  WarehouseCommandLine(
      Warehouse warehouse, ParquetExports parquet, ConfigurableApplicationContext context) {
    this.warehouse = warehouse;
    this.parquet = parquet;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer status = command(args);
    if (status != null) {
      System.exit(SpringApplication.exit(context, () -> status));
    }
  }

  /** Runs the command the arguments name; its exit status, or null when they name none. */
  Integer command(ApplicationArguments args) {
    if (args.containsOption(REBUILD)) {
      return rebuild();
    }
    if (args.containsOption(EXPORT_PARQUET)) {
      ParquetExports.Status result = parquet.exportNow("command line");
      log.info(
          "Parquet export {} into {}: {}", result.state(), parquet.directory(), result.message());
      return result.state() == ParquetExports.State.DONE ? 0 : 1;
    }
    return null;
  }

  private int rebuild() {
    RebuildProgress result = warehouse.rebuildNow();
    // The rebuild ran the data tests on the new file already; running them again doubled the
    // command's time after the reading on a large warehouse.
    long failed =
        warehouse.latestDataTests().stream().filter(r -> !r.passed()).peek(this::report).count();
    log.info(
        "Warehouse rebuild {}: {}; {} data test(s) failing",
        result.state(),
        result.message(),
        failed);
    return result.state() == RebuildProgress.State.DONE ? 0 : 1;
  }

  private void report(DataTests.Result r) {
    log.warn("Data test failed: {} ({} failing; e.g. {})", r.name(), r.failures(), r.sample());
  }
}
