// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A KPI's values for a set of filters, as the API answers and the dashboards and exports show it.
 *
 * @param asAt the warehouse's freshness: every change committed in the CRM before it is counted
 * @param filters the filters applied, as request parameters
 * @param notApplicable filters that do not apply to this KPI and were ignored
 * @param rows one map per row, column name to value
 * @param total the total row, or null when the KPI has none
 * @param source where the figures in it come from, when not from the CRM (unit costs)
 */
record KpiResult(
    String kpi,
    String title,
    String definition,
    Instant asAt,
    Map<String, String> filters,
    List<String> notApplicable,
    List<Column> columns,
    List<Map<String, Object>> rows,
    Map<String, Object> total,
    String source,
    boolean drillable) {

  /** A column: its name in {@code rows}, its heading, and its type (count, percent, money, …). */
  record Column(String name, String label, String type) {}
}
