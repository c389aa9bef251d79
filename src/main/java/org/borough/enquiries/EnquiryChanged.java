// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

import java.time.Instant;
import org.borough.cases.CaseEvent;
import org.borough.cases.CaseId;
import org.borough.system.EventType;

/**
 * A councillor's enquiry when raised and when answered, whole, so that applying it again leaves
 * what the latest says. It holds the ward and the clock, not the councillor, the resident or the
 * words.
 *
 * @param dueAt the response deadline set when it was raised
 * @param respondedAt null until answered
 */
@EventType("enquiry.changed")
public record EnquiryChanged(
    CaseId caseId,
    String wardCode,
    String serviceCode,
    Instant raisedAt,
    Instant dueAt,
    Instant respondedAt)
    implements CaseEvent {}
