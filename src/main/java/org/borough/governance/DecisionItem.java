// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/**
 * One numbered item of a decision. The money it concerns, if any, is in pence, for the financial
 * year written like {@code 2017/18}; a matter referred on names the later body and, when known, the
 * date it will consider it.
 */
public record DecisionItem(
    Integer number,
    DecisionVerb verb,
    String text,
    Long amountPence,
    String financialYear,
    String fundingSource,
    String referredTo,
    LocalDate referralDate) {}
