// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The staff console's pages that bring several modules together: the start page and the resident
 * single view (a resident with their contacts and cases). Each module's own pages live with it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Staff console",
    allowedDependencies = {"system", "residents", "cases", "contacts"})
package org.borough.console;
