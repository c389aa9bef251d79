// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.system.InvalidInputException;
import org.borough.system.Sha256;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Analysts' SQL over the live warehouse, for the SQL page and its API: each query is checked by
 * {@link QueryGuard} and run by {@link AnalystQuery} on a read connection of its own, and every
 * run, download and refusal is in the audit log with the query's text. A refusal comes back as
 * {@link InvalidInputException} on the field {@code sql}, with a message that names what was
 * refused.
 */
@Component
class AnalystSql implements DisposableBean {

  static final String SUBJECT = "warehouse-query";

  private final Warehouse warehouse;
  private final SqlPageProperties properties;
  private final AuditLog audit;
  private final MessageSource messages;
  private final KpiService kpis;
  private final QueryGuard guard;
  private final ScheduledThreadPoolExecutor timer;

  AnalystSql(
      Warehouse warehouse,
      SqlPageProperties properties,
      AuditLog audit,
      MessageSource messages,
      KpiService kpis) {
    this.warehouse = warehouse;
    this.properties = properties;
    this.audit = audit;
    this.messages = messages;
    this.kpis = kpis;
    this.guard = new QueryGuard(properties.maxLength());
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "warehouse-sql-timeout");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** A query's result, the most rows it was read up to, and the warehouse's as-at time. */
  record Run(AnalystQuery.Result result, int cap, Instant asAt) {}

  /** Runs a query for the page or the API: at most {@code max-rows} rows. */
  Run run(String sql) {
    return run(sql, properties.maxRows(), AuditAction.SEARCH);
  }

  /** Runs a query for a CSV or XLSX file: at most {@code download-rows} rows. */
  Run download(String sql) {
    return run(sql, properties.downloadRows(), AuditAction.EXPORT);
  }

  /** Checks a query without running it, as before it is saved. */
  void check(String sql) {
    try {
      warehouse.read(
          c -> {
            guard.check(c, sql);
            return null;
          });
    } catch (SqlRefused refused) {
      throw invalid(refused, sql);
    }
  }

  /** The tables analysts may query, with their columns. */
  List<PublishedTables.Table> tables() {
    return warehouse.read(PublishedTables::read);
  }

  SqlPageProperties properties() {
    return properties;
  }

  private Run run(String sql, int cap, AuditAction action) {
    Instant asAt = kpis.asAt();
    try {
      AnalystQuery.Result r =
          warehouse.read(
              c -> {
                guard.check(c, sql);
                return AnalystQuery.run(c, sql, cap, properties.timeout(), timer);
              });
      String outcome = r.rows().size() + (r.truncated() ? " rows (capped)" : " rows");
      audit.record(action, SUBJECT, fingerprint(sql), detail(outcome, sql));
      return new Run(r, cap, asAt);
    } catch (SqlRefused refused) {
      audit.record(action, SUBJECT, fingerprint(sql), detail("refused: " + refused.key(), sql));
      throw invalid(refused, sql);
    }
  }

  private InvalidInputException invalid(SqlRefused refused, String sql) {
    String message = messages.getMessage("sql.refused." + refused.key(), refused.args(), Locale.UK);
    long at = refused.offset();
    if (sql != null && at >= 0 && at < sql.length()) {
      String before = sql.substring(0, (int) at);
      int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
      int column = (int) at - before.lastIndexOf('\n');
      message =
          messages.getMessage("sql.refused.at", new Object[] {message, line, column}, Locale.UK);
    }
    return InvalidInputException.of("sql", message);
  }

  /** The same text always gives the same subject in the audit log, so repeated runs group. */
  static String fingerprint(String sql) {
    return "sha256:" + Sha256.hex(sql == null ? "" : sql).substring(0, 16);
  }

  private static String detail(String outcome, String sql) {
    String text = outcome + ": " + (sql == null ? "" : sql.strip().replaceAll("\\s+", " "));
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
