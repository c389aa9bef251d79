// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Contacts: every interaction with a resident on any channel, who handled it, how long it took and
 * how it ended, including whether it was resolved at first contact or raised a case.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Contacts",
    allowedDependencies = {"system", "audit", "residents", "cases"})
package org.borough.contacts;
