// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** An alternative option considered and rejected, numbered, with why (reg 13(2)(b)). */
public record RejectedOption(Integer number, String option, String whyRejected) {}
