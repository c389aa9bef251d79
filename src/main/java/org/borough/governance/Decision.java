// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as the register holds it: what it says, plus where it is in its life. Its JSON is the
 * details' fields with these alongside, so an exported decision can be imported as it is.
 *
 * @param version the published version shown (0 for a draft)
 * @param callInDeadline the last working day on which it may be called in; null when not subject to
 *     call-in or not yet published
 * @param callIn the call-in, when it was called in
 * @param callInOutcomes what was decided about the call-in, first first; empty until scrutiny met
 * @param versions every published version, oldest first
 * @param supersededBy the later decision that superseded this one, when its status is superseded
 * @param supersedes earlier decisions this one superseded
 * @param editVersion raised by every change, a draft's edits included: a change names the one it
 *     was made to (the API's ETag), so nobody's change is overwritten unseen
 */
public record Decision(
    DecisionId id,
    DecisionStatus status,
    int version,
    @JsonUnwrapped DecisionDetails details,
    LocalDate callInDeadline,
    CallIn callIn,
    List<CallInOutcome> callInOutcomes,
    List<DecisionVersion> versions,
    Instant recordedAt,
    Instant updatedAt,
    DecisionRef supersededBy,
    List<DecisionRef> supersedes,
    int editVersion) {

  public boolean isDraft() {
    return status == DecisionStatus.DRAFT;
  }

  /** The outcomes that can be recorded next; none unless it was called in and is waiting. */
  public List<CallInOutcome.Outcome> nextOutcomes() {
    return java.util.Arrays.stream(CallInOutcome.Outcome.values())
        .filter(o -> callIn != null && o.follows(status))
        .toList();
  }

  /** The decision as the public see it: see {@link DecisionDetails#published()}. */
  public Decision published() {
    return new Decision(
        id,
        status,
        version,
        details.published(),
        callInDeadline,
        callIn,
        callInOutcomes,
        versions,
        recordedAt,
        updatedAt,
        supersededBy,
        supersedes,
        editVersion);
  }

  public boolean isCorrected() {
    return versions.size() > 1;
  }
}
