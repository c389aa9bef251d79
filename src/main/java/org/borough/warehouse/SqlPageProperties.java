// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analysts' SQL page, bound from {@code borough.warehouse.sql.*} ({@code
 * BOROUGH_WAREHOUSE_SQL_...}).
 *
 * @param timeout how long a query may run before it is stopped
 * @param maxRows most rows a query shows on the page or returns through the API
 * @param downloadRows most rows a CSV or XLSX download of a query holds
 * @param maxLength longest query text accepted, in characters (at most 20,000, what a saved query
 *     holds)
 */
@ConfigurationProperties("borough.warehouse.sql")
public record SqlPageProperties(
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("1000") int maxRows,
    @DefaultValue("100000") int downloadRows,
    @DefaultValue("20000") int maxLength) {

  public SqlPageProperties {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("borough.warehouse.sql.timeout must be positive");
    }
    if (maxRows < 1 || downloadRows < 1) {
      throw new IllegalArgumentException(
          "borough.warehouse.sql.max-rows and download-rows must be at least 1");
    }
    if (maxLength < 1 || maxLength > 20_000) {
      throw new IllegalArgumentException(
          "borough.warehouse.sql.max-length must be between 1 and 20000");
    }
  }
}
