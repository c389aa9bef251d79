// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Compares per-day counts between the CRM's tables and the warehouse, in the council's zone. Any
 * day that differs is reported: an event lost or applied twice, a quarantined event, or CRM rows
 * written without an event (the demo data's bulk inserts are such rows). The budget is compared the
 * same way per financial year: governance's approved total against the sum of {@code fact_budget}.
 */
final class Reconciliation {

  /** The checks, by the name used in data-tests.txt. */
  enum Check {
    CASES_OPENED_PER_DAY("cases_opened_per_day", "fact_case", "opened_date_key"),
    CONTACTS_PER_DAY("contacts_per_day", "fact_contact", "date_key"),
    COMPLAINT_STAGES_PER_DAY(
        "complaint_stages_per_day", "fact_complaint_stage", "started_date_key"),
    INFORMATION_REQUESTS_PER_DAY(
        "information_requests_per_day", "fact_information_request", "received_date_key"),
    ENQUIRIES_PER_DAY("enquiries_per_day", "fact_enquiry", "raised_date_key"),
    FEEDBACK_PER_DAY("feedback_per_day", "fact_feedback", "date_key"),
    BUDGET_PER_YEAR("budget_per_year", "fact_budget", null);

    final String id;
    final String table;
    final String dateKey;

    Check(String id, String table, String dateKey) {
      this.id = id;
      this.table = table;
      this.dateKey = dateKey;
    }

    static Check of(String id) {
      for (Check c : values()) {
        if (c.id.equals(id)) {
          return c;
        }
      }
      throw new IllegalArgumentException("No reconciliation check called " + id);
    }
  }

  /** A day (or financial year) on which the two sides disagree. */
  record Difference(String key, long crm, long warehouse) {
    @Override
    public String toString() {
      return key + ": CRM " + crm + ", warehouse " + warehouse;
    }
  }

  private final Map<Check, Supplier<Map<Instant, Long>>> crm;
  private final Supplier<Map<String, Long>> budgetPerYear;
  private final ZoneId zone;

  /**
   * @param perHour for each check by day, the CRM's rows per UTC hour (keyed by the hour's start)
   * @param budgetPerYear governance's approved budget in pence per financial year (2017/18)
   */
  Reconciliation(
      Map<Check, Supplier<Map<Instant, Long>>> perHour,
      Supplier<Map<String, Long>> budgetPerYear,
      ZoneId zone) {
    for (Check c : Check.values()) {
      if (c != Check.BUDGET_PER_YEAR && !perHour.containsKey(c)) {
        throw new IllegalArgumentException("No CRM count for " + c.id);
      }
    }
    this.budgetPerYear = budgetPerYear;
    this.crm = Map.copyOf(perHour);
    this.zone = zone;
  }

  List<Difference> check(Connection c, Check check) throws SQLException {
    if (check == Check.BUDGET_PER_YEAR) {
      Map<String, Long> warehouse = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select financial_year, sum(budget_pence) from fact_budget group by 1")) {
        while (rs.next()) {
          warehouse.put(rs.getString(1), rs.getLong(2));
        }
      }
      return differences(new TreeMap<>(budgetPerYear.get()), warehouse);
    }
    Map<LocalDate, Long> crmDays = new TreeMap<>();
    crm.get(check)
        .get()
        .forEach((hour, n) -> crmDays.merge(hour.atZone(zone).toLocalDate(), n, Long::sum));
    Map<LocalDate, Long> warehouseDays = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select "
                    + check.dateKey
                    + ", count(*) from "
                    + check.table
                    + " where "
                    + check.dateKey
                    + " is not null group by 1")) {
      while (rs.next()) {
        int key = rs.getInt(1);
        warehouseDays.put(LocalDate.of(key / 10_000, key / 100 % 100, key % 100), rs.getLong(2));
      }
    }
    return differences(crmDays, warehouseDays);
  }

  private static <K extends Comparable<? super K>> List<Difference> differences(
      Map<K, Long> crm, Map<K, Long> warehouse) {
    TreeSet<K> keys = new TreeSet<>(crm.keySet());
    keys.addAll(warehouse.keySet());
    List<Difference> differences = new ArrayList<>();
    for (K key : keys) {
      long a = crm.getOrDefault(key, 0L);
      long b = warehouse.getOrDefault(key, 0L);
      if (a != b) {
        differences.add(new Difference(key.toString(), a, b));
      }
    }
    return differences;
  }
}
