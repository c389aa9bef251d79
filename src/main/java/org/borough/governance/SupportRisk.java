// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * A system on the "catch up and keep pace" list: unsupported now, or its support ends within the
 * horizon.
 *
 * @param unsupportedNow true when it is unsupported today; false when support is still to end
 * @param daysLeft days until support ends (0 or less when it has ended); null when no date is set
 */
public record SupportRisk(IctSystem system, boolean unsupportedNow, Long daysLeft) {}
