// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;

/**
 * An earmarked reserve, like the oneSource Reserve, with its balance and every movement into or out
 * of it, oldest first. The balance never goes below zero.
 */
public record Reserve(
    ReserveId id, String code, String name, long balancePence, List<ReserveMovement> movements) {}
