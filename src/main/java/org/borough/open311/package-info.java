// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, with the mySociety extensions FixMyStreet uses
 * (service request updates, extended statuses, groups): an adapter that lets any app that speaks
 * Open311 list the catalogue, report problems and follow them. Every call goes through the cases,
 * catalogue, contacts and residents APIs as the client application ({@code open311:<name>}), so a
 * report lands in the same case management as a phone call. Client applications and their API keys
 * are issued by an administrator. See {@code docs/api/open311.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Open311",
    allowedDependencies = {
      "system",
      "audit",
      "identity",
      "catalogue",
      "residents",
      "cases",
      "contacts"
    })
package org.borough.open311;
