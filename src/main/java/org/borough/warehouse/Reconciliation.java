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
 * written without an event (the demo data's bulk inserts are such rows).
 */
final class Reconciliation {

  /** The checks, by the name used in data-tests.txt. */
  enum Check {
    CASES_OPENED_PER_DAY("cases_opened_per_day", "fact_case", "opened_date_key"),
    CONTACTS_PER_DAY("contacts_per_day", "fact_contact", "date_key");

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

  /** A day on which the two sides disagree. */
  record Difference(LocalDate day, long crm, long warehouse) {
    @Override
    public String toString() {
      return day + ": CRM " + crm + ", warehouse " + warehouse;
    }
  }

  private final Map<Check, Supplier<Map<Instant, Long>>> crm;
  private final ZoneId zone;

  /**
   * @param casesOpenedPerHour the CRM's cases opened per UTC hour
   * @param contactsPerHour the CRM's contacts per UTC hour
   */
  Reconciliation(
      Supplier<Map<Instant, Long>> casesOpenedPerHour,
      Supplier<Map<Instant, Long>> contactsPerHour,
      ZoneId zone) {
    this.crm =
        Map.of(
            Check.CASES_OPENED_PER_DAY, casesOpenedPerHour,
            Check.CONTACTS_PER_DAY, contactsPerHour);
    this.zone = zone;
  }

  List<Difference> check(Connection c, Check check) throws SQLException {
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
    TreeSet<LocalDate> days = new TreeSet<>(crmDays.keySet());
    days.addAll(warehouseDays.keySet());
    List<Difference> differences = new ArrayList<>();
    for (LocalDate day : days) {
      long a = crmDays.getOrDefault(day, 0L);
      long b = warehouseDays.getOrDefault(day, 0L);
      if (a != b) {
        differences.add(new Difference(day, a, b));
      }
    }
    return differences;
  }
}
