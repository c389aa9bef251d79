// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Residents: the people the council serves, with their names, contact details (validated UK phones,
 * emails and postcodes), addresses, preferences, accessibility needs and vulnerability flags.
 * Registration warns of likely duplicates; two records of one person can be merged, and the modules
 * that hold their contacts and cases follow the merge through {@link
 * org.borough.residents.ResidentsMerged}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Residents",
    allowedDependencies = {"system", "audit", "identity", "catalogue", "places"})
package org.borough.residents;
