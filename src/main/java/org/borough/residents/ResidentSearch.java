// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.List;

/**
 * A page of search results and the cursor for the next one. There is no total: counting millions of
 * rows to print '1 of 4,213 pages' is what makes other CRMs slow, and nobody reads page 200.
 *
 * @param similar on the first page of a name search that found less than a page: residents whose
 *     names sound like or are spelt nearly like what was typed, closest first (ADR 0024)
 */
public record ResidentSearch(
    String interpretedAs,
    List<ResidentSummary> results,
    String next,
    List<ResidentSummary> similar) {}
