// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Privacy: residents' rights under UK GDPR, for the data protection officer. Today the subject
 * access request (Art. 15): a register with the statutory one-month deadline, and everything
 * Borough holds about a resident in one ZIP, read through the other modules' own APIs so that each
 * read is checked and audited where it always is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.borough.privacy;
