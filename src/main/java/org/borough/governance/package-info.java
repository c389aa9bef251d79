// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Governance: the register of executive decisions (SI 2012/2089 regs 8–14), the forward plan of key
 * decisions to come (reg 9), and the ICT portfolio with the budget lines decisions fund. Democratic
 * services record a decision as a draft, publish it once the key-decision notice rules are met,
 * record a call-in before the deadline, correct a published decision only with a recorded reason
 * (every version kept), and record when a later decision supersedes it. The public reads decisions
 * and the forward plan without signing in, as pages, Atom feeds and a JSON API. Staff keep the
 * systems register, reserves and budget lines under the funding rules of the ICT Resources Review;
 * {@link org.borough.governance.BudgetLines#monthly} and {@link
 * org.borough.governance.BudgetLineApproved} give the warehouse budget facts without personal data.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Governance",
    allowedDependencies = {"system", "audit", "catalogue"})
package org.borough.governance;
