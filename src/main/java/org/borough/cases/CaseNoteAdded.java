// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;

/** A note was added to a case; its text stays in the CRM. */
public record CaseNoteAdded(CaseId caseId, boolean publicNote, Instant at) implements CaseEvent {}
