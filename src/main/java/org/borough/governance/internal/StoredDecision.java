// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.borough.governance.CallIn;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionStatus;

/**
 * A decision's row as stored, before its status is worked out for today. {@code version} numbers
 * its published versions; {@code editVersion} is raised by every change, drafts' edits included.
 */
public record StoredDecision(
    UUID id,
    UUID issueId,
    DecisionStatus status,
    int version,
    DecisionDetails details,
    LocalDate callInDeadline,
    CallIn callIn,
    Instant recordedAt,
    Instant updatedAt,
    UUID supersededBy,
    int editVersion) {}
