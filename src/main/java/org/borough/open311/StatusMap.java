// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.borough.cases.CaseStatus;

/**
 * Borough's case statuses in Open311's words, and back. The table is in docs/api/open311.md; keep
 * the two in step (Open311StatusMapTests checks every status has a row).
 */
final class StatusMap {

  /** mySociety's extended statuses, as FixMyStreet sends them (upper case). */
  static final Set<String> EXTENDED =
      Set.of(
          "OPEN",
          "CLOSED",
          "FIXED",
          "IN_PROGRESS",
          "ACTION_SCHEDULED",
          "INVESTIGATING",
          "DUPLICATE",
          "NOT_COUNCILS_RESPONSIBILITY",
          "NO_FURTHER_ACTION",
          "INTERNAL_REFERRAL",
          "REOPEN",
          "FOR_TRIAGE");

  private StatusMap() {}

  /** GeoReport v2's own two statuses. */
  static String standard(CaseStatus status) {
    return status.active() ? "open" : "closed";
  }

  /** The mySociety extended status (lower case, as servicerequestupdates answers it). */
  static String extended(CaseStatus status) {
    return switch (status) {
      case NEW, OPEN -> "open";
      case IN_PROGRESS -> "in_progress";
      case ON_HOLD -> "action_scheduled";
      case RESOLVED -> "fixed";
      case CLOSED -> "closed";
      case CANCELLED -> "no_further_action";
      case DUPLICATE -> "duplicate";
    };
  }

  /**
   * What an update posted with {@code extended} does to a case that is {@code current}: the status
   * to move to, or empty to add the update as a public note and leave the status alone.
   *
   * @throws Open311Exception for a status Borough cannot take from an app
   */
  static Optional<CaseStatus> target(String extended, CaseStatus current) {
    String s = extended.trim().toUpperCase(Locale.ROOT);
    boolean finished = current == CaseStatus.RESOLVED || current == CaseStatus.CLOSED;
    CaseStatus wanted =
        switch (s) {
          case "OPEN", "REOPEN", "FOR_TRIAGE" -> finished ? CaseStatus.OPEN : null;
          case "IN_PROGRESS", "ACTION_SCHEDULED", "INVESTIGATING" ->
              current.active() ? CaseStatus.IN_PROGRESS : null;
          case "FIXED",
              "CLOSED",
              "NOT_COUNCILS_RESPONSIBILITY",
              "NO_FURTHER_ACTION",
              "INTERNAL_REFERRAL" ->
              current.active() ? CaseStatus.RESOLVED : null;
          case "DUPLICATE" ->
              throw Open311Exception.badRequest(
                  "status: DUPLICATE needs the original case; mark duplicates in Borough's console");
          default ->
              throw Open311Exception.badRequest(
                  "status: '" + extended + "' is not one of " + String.join(", ", sorted()));
        };
    return wanted == null || wanted == current ? Optional.empty() : Optional.of(wanted);
  }

  private static java.util.List<String> sorted() {
    return EXTENDED.stream().sorted().toList();
  }
}
