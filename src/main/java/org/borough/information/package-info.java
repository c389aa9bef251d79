// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Requests for information: cases of a Freedom of Information or Environmental Information
 * Regulations service, answered within 20 working days. Asking the requester to clarify restarts
 * the clock when they answer; an extension needs a reason (the public interest test, or a complex
 * and voluminous environmental request); a refusal names the exemptions or exceptions applied; an
 * internal review has its own 20 working days; and a response the officer publishes goes on the
 * public disclosure log. See {@code docs/information-requests.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Information requests",
    allowedDependencies = {"system", "catalogue", "cases"})
package org.borough.information;
