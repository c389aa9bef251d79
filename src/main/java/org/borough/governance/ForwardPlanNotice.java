// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice in the forward plan, as published.
 *
 * @param publishedOn the day the notice was published; reg 9's 28 clear days count from it
 * @param earliestDecisionDate the first day the decision may be taken on this notice alone
 * @param decision the decision it led to; on public pages only once that decision is published
 * @param version raised by every change (a withdrawal, a link to its decision), so that two
 *     officers acting on one notice cannot both succeed unseen
 */
public record ForwardPlanNotice(
    ForwardPlanNoticeId id,
    @JsonUnwrapped ForwardPlanNoticeDetails details,
    LocalDate publishedOn,
    LocalDate earliestDecisionDate,
    ForwardPlanStatus status,
    LocalDate withdrawnOn,
    String withdrawalReason,
    DecisionRef decision,
    Instant recordedAt,
    Instant updatedAt,
    int version) {}
