// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;

/**
 * A status change of a published case, as {@link CaseFeed#updates} gives it. {@code id} is the case
 * timeline entry's; {@code status} is the case's status once the entry was written; {@code text} is
 * null unless the note written with it is public. A type of its own, not nested in {@link
 * CaseFeed}, so that the repository that reads it does not import the class that uses the
 * repository.
 */
public record PublicUpdate(long id, String reference, Instant at, CaseStatus status, String text) {}
