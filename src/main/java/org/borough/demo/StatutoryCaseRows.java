// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseWords;

/**
 * The case and timeline rows the demo's complaints and requests for information are written as:
 * fewer columns than a service request's (no place, questions or officer).
 */
final class StatutoryCaseRows {

  private StatutoryCaseRows() {}

  static BulkInsert cases(Connection c, boolean postgres) {
    return new BulkInsert(
        c,
        postgres,
        "service_case",
        """
        id uuid, reference text, service_code text, resident_id uuid,
        description text, priority text, status text, team_id uuid, channel text,
        opened_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
        closed_at timestamptz, due_at timestamptz, sla_risk_at timestamptz,
        sla_breached_at timestamptz, times_reopened integer, updated_at timestamptz,
        version integer
        """);
  }

  /** The words a case is found by (ADR 0024), written beside every demo case. */
  static BulkInsert words(Connection c, boolean postgres) {
    return new BulkInsert(
        c, postgres, "case_word", "word text, opened_at timestamptz, case_id uuid");
  }

  static void index(
      BulkInsert words,
      UUID caseId,
      Instant opened,
      String reference,
      String description,
      String address) {
    CaseWords.of(reference, description, address).forEach(w -> words.add(w, opened, caseId));
  }

  static BulkInsert timeline(Connection c, boolean postgres) {
    return new BulkInsert(
        c,
        postgres,
        "case_timeline",
        """
        case_id uuid, at timestamptz, actor text, kind text, public_note boolean,
        from_status text, to_status text, body text
        """);
  }

  /** A timeline line, before it is written; status changes and the opening are public. */
  static Object[] line(Instant at, String kind, CaseStatus from, CaseStatus to, String text) {
    return new Object[] {
      at,
      kind,
      kind.equals("STATUS") || kind.equals("CREATED"),
      from == null ? null : from.name(),
      to == null ? null : to.name(),
      text
    };
  }
}
