// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/**
 * A system in the ICT portfolio, as recorded.
 *
 * @param code short and unique, like {@code CRM}; budget facts carry it
 * @param owner the post or team that owns the system (not a person's name)
 * @param endOfSupport the day support ends or ended; null when no end is set
 */
public record IctSystemDetails(
    String code,
    String name,
    String description,
    String owner,
    SystemPhase phase,
    String supplier,
    SupportStatus supportStatus,
    LocalDate endOfSupport) {}
