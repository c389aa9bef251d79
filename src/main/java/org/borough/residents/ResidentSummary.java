// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.LocalDate;

/** One line of a search result: enough to tell two residents apart. */
public record ResidentSummary(
    ResidentId id, String name, LocalDate dateOfBirth, String address, String sortKey) {}
