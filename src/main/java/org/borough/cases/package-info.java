// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Cases: service requests raised against the catalogue, with a reference residents can quote, a
 * status lifecycle, an SLA clock on the working-day calendar, a team and officer, a timeline of
 * every change, note and contact, and attachments. Team and officer queues order cases by SLA risk.
 * Every change publishes an event in the transaction of the change (see {@code
 * docs/architecture.md}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Cases",
    allowedDependencies = {"system", "audit", "identity", "catalogue", "residents", "places"})
package org.borough.cases;
