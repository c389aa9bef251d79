// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/** A call-in of a published decision: when, by whom (the members), and why. */
public record CallIn(LocalDate calledInOn, String calledInBy, String reason) {}
