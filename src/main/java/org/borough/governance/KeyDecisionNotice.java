// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/**
 * How the public was told of a key decision before it was taken: a forward-plan notice (reg 9), or
 * a general exception (reg 10: a notice, and the chair of the scrutiny committee informed), or
 * special urgency (reg 11: the scrutiny chair agreed the decision could not reasonably be
 * deferred).
 */
public record KeyDecisionNotice(
    LocalDate forwardPlanPublished,
    LocalDate generalExceptionNotice,
    LocalDate scrutinyChairInformed,
    String specialUrgencyAgreedBy,
    LocalDate specialUrgencyAgreedOn) {

  public static final KeyDecisionNotice NONE = new KeyDecisionNotice(null, null, null, null, null);
}
