// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Satisfaction: when a case is resolved its reporter is sent, with the resolution, a link to one
 * GOV.UK-style question (how satisfied they are, with an optional comment). Answers are counted by
 * service and channel on a report for analysts and supervisors, and published as events for the
 * warehouse. See {@code docs/satisfaction.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Satisfaction",
    allowedDependencies = {"system", "identity", "catalogue", "residents", "cases"})
package org.borough.satisfaction;
