// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.borough.residents.ResidentId;

/**
 * One entry of the subject access register. Open until the council records that it answered.
 *
 * @param whoAsked how the request came and from whom, as the DPO wrote it
 * @param packMadeAt when the latest pack of the resident's data was made, if one was
 */
public record SubjectAccessRequest(
    UUID id,
    ResidentId resident,
    LocalDate receivedOn,
    LocalDate dueOn,
    String whoAsked,
    String recordedBy,
    Instant recordedAt,
    Instant packMadeAt,
    LocalDate respondedOn,
    String respondedBy) {

  public boolean open() {
    return respondedOn == null;
  }

  public boolean overdue(LocalDate today) {
    return open() && today.isAfter(dueOn);
  }
}
