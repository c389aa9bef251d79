// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.borough.cases.CaseStatus;

/** A row of {@code service_case}, as stored. */
public record CaseRow(
    UUID id,
    String reference,
    String serviceCode,
    UUID residentId,
    String description,
    String address,
    Long uprn,
    BigDecimal latitude,
    BigDecimal longitude,
    String wardCode,
    String priority,
    CaseStatus status,
    UUID teamId,
    UUID officerId,
    String channel,
    Instant openedAt,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant dueAt,
    Instant slaRiskAt,
    Instant slaPausedAt,
    Instant slaBreachedAt,
    int timesReopened,
    UUID duplicateOf,
    Instant updatedAt,
    int version) {

  public CaseRow withStatus(CaseStatus s) {
    return new CaseRow(
        id,
        reference,
        serviceCode,
        residentId,
        description,
        address,
        uprn,
        latitude,
        longitude,
        wardCode,
        priority,
        s,
        teamId,
        officerId,
        channel,
        openedAt,
        firstResponseAt,
        resolvedAt,
        closedAt,
        dueAt,
        slaRiskAt,
        slaPausedAt,
        slaBreachedAt,
        timesReopened,
        duplicateOf,
        updatedAt,
        version);
  }
}
