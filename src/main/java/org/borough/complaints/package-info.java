// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Complaints: cases of a complaint service, worked through the stages of the Local Government and
 * Social Care Ombudsman's and the Housing Ombudsman's complaint handling codes. Stage 1 is
 * acknowledged within 5 working days and answered within 10; escalated, stage 2 within 5 and 20. An
 * extension needs a reason and a new date the resident is told; each response carries the outcome
 * and tells the resident what they can do next; a referral to the Ombudsman is recorded. The case
 * keeps the words and the timeline; this module keeps the clocks, and from them the annual
 * performance report the codes require councils to publish. See {@code docs/complaints.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Complaints",
    allowedDependencies = {"system", "catalogue", "cases"})
package org.borough.complaints;
