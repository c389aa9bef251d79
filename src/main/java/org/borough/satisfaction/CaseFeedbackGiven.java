// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

import java.time.Instant;
import org.borough.cases.CaseEvent;
import org.borough.cases.CaseId;
import org.borough.system.EventType;

/**
 * A reporter answered the satisfaction question about their resolved case: the score (1 to 5) only;
 * a comment stays on the case.
 */
@EventType("case.feedback-given")
public record CaseFeedbackGiven(CaseId caseId, int rating, Instant givenAt) implements CaseEvent {}
