// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.Optional;

/**
 * How a message about their reports can reach a resident: their first email address and first UK
 * mobile (each by sort order, as the single view lists them), and their contact preferences.
 *
 * @param id the resident it reaches: the surviving record when the one asked for was merged
 * @param post their name and primary address, for a letter
 */
public record Reach(
    ResidentId id,
    String forename,
    Optional<String> email,
    Optional<String> mobile,
    ContactPreferences preferences,
    Optional<PostalAddress> post) {}
