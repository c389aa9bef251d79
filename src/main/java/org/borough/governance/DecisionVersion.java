// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.Instant;

/** One published version: 1 is as published, later ones are corrections with their reason. */
public record DecisionVersion(int version, Instant recordedAt, String recordedBy, String reason) {}
