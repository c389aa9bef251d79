// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.List;
import org.borough.residents.ResidentId;

/**
 * Who hears about a case: the resident who reported it (null for an anonymous report) and the
 * residents who follow it. Ids only; how to reach them is the residents module's business.
 */
public record CaseAudience(
    CaseId id,
    String reference,
    String serviceName,
    CaseStatus status,
    ResidentId reporter,
    List<ResidentId> followers) {

  /** The reporter and the followers, each once. */
  public List<ResidentId> everyone() {
    java.util.LinkedHashSet<ResidentId> all = new java.util.LinkedHashSet<>();
    if (reporter != null) {
      all.add(reporter);
    }
    all.addAll(followers);
    return List.copyOf(all);
  }
}
