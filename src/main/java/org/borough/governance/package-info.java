// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Governance: the register of executive decisions (SI 2012/2089 regs 8–14). Democratic services
 * record a decision as a draft, publish it once the key-decision notice rules are met, record a
 * call-in before the deadline, and correct a published decision only with a recorded reason, every
 * published version being kept. The public reads the register without signing in, as pages, an Atom
 * feed and a JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package org.borough.governance;
