// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.Map;

/** Counts straight from the CRM's case table, for the warehouse's reconciliation. */
public interface CaseStatistics {

  /** Cases opened in each UTC hour that has any, keyed by the hour's start. */
  Map<Instant, Long> openedPerHour();
}
