// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * What every module stands on: the working-day calendar (weekends and England &amp; Wales bank
 * holidays), the clock, Borough-wide settings, the transactional outbox that records each domain
 * event in the same commit as the change, and the web shell (layout, error pages).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "System",
    allowedDependencies = {})
package org.borough.system;
