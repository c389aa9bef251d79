// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The data warehouse: a DuckDB star schema (dimensions for date, service, ward, team, channel,
 * status and pseudonymous residents; facts for contacts, cases, case status changes and the daily
 * backlog) kept fresh by a loader that applies the CRM's outbox in micro-batches, exactly once, and
 * checked by declared data tests after every load. It is derived data: it can always be rebuilt
 * from the outbox, and it never holds a name, contact detail, address or free text.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Warehouse",
    allowedDependencies = {
      "system",
      "audit",
      "identity",
      "catalogue",
      "residents",
      "cases",
      "contacts",
      "complaints",
      "enquiries",
      "information",
      "satisfaction",
      "governance"
    })
package org.borough.warehouse;
