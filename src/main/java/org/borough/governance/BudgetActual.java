// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.Instant;
import java.time.YearMonth;

/**
 * What was actually spent on a budget line in one month, as recorded: the latest figure for a month
 * is its actual, earlier ones are kept as history.
 *
 * @param source where the figure comes from, like "ledger import" or "finance system, period 7"
 */
public record BudgetActual(
    YearMonth month, long amountPence, String source, Instant recordedAt, String recordedBy) {}
