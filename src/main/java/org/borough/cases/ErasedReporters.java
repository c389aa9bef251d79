// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.UUID;
import org.borough.cases.internal.CaseRepository;
import org.borough.residents.ResidentErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an erased resident's cases as anonymous records for statistics (UK GDPR Art. 17; the
 * privacy module refuses erasure while any of them is open). Synchronous on purpose: it runs in the
 * erasure's transaction, so a case never outlives its reporter's erasure with their words in it.
 */
@Component
class ErasedReporters {

  static final String DESCRIPTION = "Removed: the reporter's personal data was erased";

  private final CaseRepository cases;
  private final CaseAnonymiser anonymiser;

  ErasedReporters(CaseRepository cases, CaseAnonymiser anonymiser) {
    this.cases = cases;
    this.anonymiser = anonymiser;
  }

  @EventListener
  void on(ResidentErased erased) {
    UUID resident = erased.residentId().value();
    for (UUID id : cases.idsOfResident(resident)) {
      anonymiser.anonymise(
          id,
          "ERASURE",
          DESCRIPTION,
          "The reporter's personal data was erased (UK GDPR Art. 17); the case is kept as an"
              + " anonymous record");
    }
    cases.deleteFollows(resident);
  }
}
