// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Demo data: on the first start against an empty database, fills Borough with a fictional London
 * borough — wards, teams and staff, a catalogue of real council services with their questions and
 * SLA policies, and years of residents, contacts and cases with believable channel shift, SLA
 * performance and timelines — so that every page, queue and figure has something to show. It is
 * generated from a seed, so the same settings give the same data, and the bulk rows go straight to
 * the database in set-at-a-time inserts, so a million residents take minutes, not hours. Turn it
 * off with {@code BOROUGH_DEMO_DATA=false}; it never adds to a catalogue that already has services.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {
      "system",
      "identity",
      "catalogue",
      "residents",
      "cases",
      "contacts",
      "enquiries",
      "governance",
      "places"
    })
package org.borough.demo;
