// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The resident portal at {@code /portal}: residents report a problem one question per page, see
 * open reports of the same problem nearby and follow one instead of reporting it again, and track a
 * report by its reference and their email or postcode. Public (no staff sign-in) but with CSRF,
 * per-address rate limits, request-size limits and a honeypot. Every call goes through the cases,
 * catalogue, contacts and residents APIs as the principal {@code portal}, holding only the
 * permissions each step needs, so a web report lands in the same case management as a phone call
 * and is logged as a contact on the web channel. See {@code docs/portal.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Resident portal",
    allowedDependencies = {
      "system",
      "identity",
      "catalogue",
      "residents",
      "cases",
      "contacts",
      "places"
    })
package org.borough.portal;
