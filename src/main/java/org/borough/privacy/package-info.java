// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Privacy: residents' rights under UK GDPR, for the data protection officer. The subject access
 * request (Art. 15): a register with the statutory one-month deadline, and everything Borough holds
 * about a resident in one ZIP, read through the other modules' own APIs so that each read is
 * checked and audited where it always is. Erasure (Art. 17) with legal holds and a register: the
 * residents module erases the person and tells the others ({@code ResidentErased}) in the same
 * transaction. The retention schedule with its dry run, the public privacy page and the record of
 * processing (Art. 5(1)(e), Art. 30). The breach log (Art. 33 and 34).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Privacy",
    allowedDependencies = {
      "system",
      "audit",
      "identity",
      "catalogue",
      "residents",
      "cases",
      "contacts",
      "notifications"
    })
package org.borough.privacy;
