// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/** One line of the register's list. */
public record DecisionSummary(
    DecisionId id,
    String title,
    String decisionMaker,
    LocalDate decisionDate,
    LocalDate publicationDate,
    DecisionStatus status,
    boolean keyDecision,
    int version) {}
