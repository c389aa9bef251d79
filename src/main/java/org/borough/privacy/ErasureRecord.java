// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Instant;
import java.util.UUID;
import org.borough.residents.ResidentId;

/**
 * One erasure in the register: whose records (by id only: nothing else about them is left), why, by
 * whom, and how much it touched.
 *
 * @param residentsErased the record and the duplicates that had been merged into it
 */
public record ErasureRecord(
    UUID id,
    ResidentId resident,
    String reason,
    String erasedBy,
    Instant erasedAt,
    int residentsErased,
    int casesAnonymised,
    int contactsAnonymised) {}
