// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Instant;
import java.util.UUID;
import org.borough.residents.ResidentId;

/**
 * A legal hold on a resident's records: while one is in place they cannot be erased, whoever asks.
 * Lifted holds are kept, with who lifted them and when.
 */
public record LegalHold(
    UUID id,
    ResidentId resident,
    String reason,
    String placedBy,
    Instant placedAt,
    String liftedBy,
    Instant liftedAt) {

  public boolean active() {
    return liftedAt == null;
  }
}
