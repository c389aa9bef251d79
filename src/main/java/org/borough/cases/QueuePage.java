// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.List;

/** A page of a queue, most at risk first, and the cursor to the next page (null at the end). */
public record QueuePage(List<CaseSummary> cases, String next) {}
