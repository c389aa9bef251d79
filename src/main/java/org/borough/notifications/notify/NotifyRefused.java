// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.notify;

/**
 * GOV.UK Notify answered a request with an error. A 400 is for good: the message is wrong for
 * Notify (a number that is not a mobile, a template missing a field) and sending it again would be
 * refused again. Anything else — a key Notify no longer accepts (403), too many requests (429), an
 * error on Notify's side (5xx) — may pass later, so the message is retried.
 */
public class NotifyRefused extends RuntimeException {

  private final int status;

  NotifyRefused(int status, String reason) {
    super("GOV.UK Notify answered " + status + ": " + reason);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** True when sending the same message again cannot succeed. */
  public boolean permanent() {
    return status == 400;
  }
}
