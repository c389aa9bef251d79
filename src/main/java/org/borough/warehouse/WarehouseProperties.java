// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Warehouse settings, bound from {@code borough.warehouse.*} ({@code BOROUGH_WAREHOUSE_...}).
 *
 * @param enabled whether the scheduled loader polls the outbox (a rebuild still works when off)
 * @param pollInterval how long the loader waits between polls
 * @param batchSize most outbox events applied in one DuckDB transaction
 * @param gapTimeout how long a missing outbox position is waited for before it is taken to be a
 *     rolled-back transaction (positions are not commit order: see ADR 0002)
 * @param dataTestInterval least time between two runs of the data tests after loads
 * @param file the DuckDB file; {@code <data dir>/warehouse/borough.duckdb} when not set
 * @param pseudonymKey secret key of the resident pseudonyms (at least 32 characters); when not set
 *     a random key is generated once and kept beside the warehouse file, outside it
 * @param rebuildWhenEmpty whether a start that finds a warehouse never read from the CRM's state,
 *     and a CRM with data, rebuilds it at once (in the background), so that a new install with demo
 *     data shows figures
 * @param unitCost cost per contact by channel, in pence, for the cost-per-contact KPI
 * @param contactSystems the codes of the ICT systems (in governance's portfolio) that handle
 *     contacts: their budget lines, actuals where recorded, give the cost per contact from what the
 *     council spends ({@code BOROUGH_WAREHOUSE_CONTACT_SYSTEMS}, default the seed's {@code CRM})
 * @param memoryLimit most memory DuckDB may use outside the Java heap, such as {@code 4GB}; when
 *     not set, DuckDB's own default of 80% of the machine's memory, too much beside PostgreSQL on
 *     one server (the 10M-case benchmark reached 3.7 GB)
 */
@ConfigurationProperties("borough.warehouse")
public record WarehouseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("5000") int batchSize,
    @DefaultValue("2m") Duration gapTimeout,
    @DefaultValue("30s") Duration dataTestInterval,
    Path file,
    String pseudonymKey,
    @DefaultValue("true") boolean rebuildWhenEmpty,
    @DefaultValue UnitCosts unitCost,
    @DefaultValue("CRM") List<String> contactSystems,
    String memoryLimit) {

  /** A size as DuckDB reads it: a number and a unit. */
  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile("\\d{1,6}(\\.\\d{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  public WarehouseProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("borough.warehouse.batch-size must be at least 1");
    }
    if (memoryLimit != null && !memoryLimit.isBlank() && !SIZE.matcher(memoryLimit).matches()) {
      throw new IllegalArgumentException(
          "borough.warehouse.memory-limit must be a size such as 4GB or 512MB, not '"
              + memoryLimit
              + "'");
    }
    if (pseudonymKey != null && !pseudonymKey.isBlank() && pseudonymKey.length() < 32) {
      throw new IllegalArgumentException(
          "borough.warehouse.pseudonym-key must be at least 32 characters");
    }
  }

  Path fileUnder(Path dataDir) {
    return file != null ? file : dataDir.resolve("warehouse").resolve("borough.duckdb");
  }
}
