// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

/**
 * Narrows a queue; nulls mean 'any'. {@code sla} is one of on-track, at-risk or breached; {@code
 * after} is the cursor from the previous page.
 */
public record QueueFilter(CaseStatus status, String serviceCode, String sla, String after) {

  public static QueueFilter none() {
    return new QueueFilter(null, null, null, null);
  }
}
