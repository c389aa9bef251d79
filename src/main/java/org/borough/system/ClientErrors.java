// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MultipartException;

/**
 * Exceptions that mean a client sent a malformed request, not that Borough failed: a query string
 * with a broken %-escape, a body that is not the multipart it says it is, a parameter of the wrong
 * type. Handlers answer them with a 4xx and log one line without a stack trace: anyone can send
 * them, as often as they like, and 24 KB of trace each would fill the log and hide real faults.
 */
public final class ClientErrors {

  /** Tomcat's, found by name so that this does not tie Borough to one servlet container. */
  private static final String INVALID_PARAMETER =
      "org.apache.tomcat.util.http.InvalidParameterException";

  /**
   * The order of the filters that answer malformed requests: before Spring Security's (-100), whose
   * CSRF check reads the form, so a broken form is caught wherever it is first read.
   */
  public static final int FILTER_ORDER = -110;

  private ClientErrors() {}

  /** The 4xx status the exception (or one of its causes) means; empty for a server error. */
  public static Optional<Integer> status(Throwable e) {
    return Optional.ofNullable(find(e)).map(ClientErrors::statusOf);
  }

  /** The client's error as one line for the log: its class and message, no trace. */
  public static String describe(Throwable e) {
    Throwable t = find(e);
    Throwable shown = t == null ? e : t;
    String message = shown.getMessage();
    return shown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Throwable find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (statusOf(t) != null) {
        return t;
      }
    }
    return null;
  }

  private static Integer statusOf(Throwable t) {
    if (t instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
      return r.getStatusCode().value();
    }
    if (t instanceof HttpMessageNotReadableException
        || t instanceof TypeMismatchException
        || t instanceof MultipartException
        || t.getClass().getName().equals(INVALID_PARAMETER)) {
      return 400;
    }
    return null;
  }
}
