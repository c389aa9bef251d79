// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Exceptions that mean the database could not be reached in time: it is down or restarting, or
 * every pooled connection stayed busy for the pool's {@code connectionTimeout}. Borough answers
 * them 503 with {@code Retry-After} (a client should try again shortly, and with the same {@code
 * Idempotency-Key} a retry never makes a second record), not 500, which says Borough itself is
 * broken, and logs one line instead of a stack trace per request for as long as the outage lasts.
 */
public final class DatabaseUnavailable {

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  /** Whether the exception, or one of its causes, says the database could not be reached. */
  public static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException
          // A commit or rollback the driver failed without saying why: the pool's "Connection is
          // closed", after the database went away mid-transaction.
          || (t instanceof TransactionSystemException && t.getCause() instanceof SQLException)
          || (t instanceof SQLException sql && lostConnection(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts the answer to a request the outage failed: one WARN line, whatever was written so far
   * thrown away, 503 with {@code Retry-After} and not to be cached. The caller writes the body in
   * its front door's format.
   */
  public static void refuse(
      Logger log, HttpServletRequest request, HttpServletResponse response, Throwable e) {
    log.warn(
        "{} {} answered 503: the database could not be reached ({})",
        request.getMethod(),
        request.getRequestURI(),
        describe(e));
    response.resetBuffer();
    response.setStatus(503);
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
  }

  /**
   * The outage as one line for the log: the innermost cause (the driver's or the pool's words, such
   * as "Connection refused" or "request timed out after 5000ms"), cut short. Statements are
   * prepared, so no resident's data is in it.
   */
  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String line = root.getClass().getSimpleName() + ": " + root.getMessage();
    line = line.replaceAll("\\s+", " ");
    return line.length() <= 240 ? line : line.substring(0, 240) + "…";
  }

  /**
   * SQL states of a connection that failed or a server going away: class 08 (connection exception)
   * and PostgreSQL's 57P01-57P03 (shut down by an administrator, crashed, cannot connect now, as
   * during a restart).
   */
  private static boolean lostConnection(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
