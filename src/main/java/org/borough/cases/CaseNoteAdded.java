// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import org.borough.system.EventType;

/** A note was added to a case; its text stays in the CRM. */
@EventType("case.note-added")
public record CaseNoteAdded(CaseId caseId, boolean publicNote, Instant at) implements CaseEvent {}
