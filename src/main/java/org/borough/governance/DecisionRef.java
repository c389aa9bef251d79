// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/** A pointer to another decision, with enough to show it as a link. */
public record DecisionRef(DecisionId id, String title, LocalDate decisionDate) {}
