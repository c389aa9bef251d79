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

  /** A copy to change: set the fields that change, then {@link Builder#build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy of a row, so a change names only the fields it changes. */
  public static final class Builder {
    public UUID id;
    public String reference;
    public String serviceCode;
    public UUID residentId;
    public String description;
    public String address;
    public Long uprn;
    public BigDecimal latitude;
    public BigDecimal longitude;
    public String wardCode;
    public String priority;
    public CaseStatus status;
    public UUID teamId;
    public UUID officerId;
    public String channel;
    public Instant openedAt;
    public Instant firstResponseAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public Instant dueAt;
    public Instant slaRiskAt;
    public Instant slaPausedAt;
    public Instant slaBreachedAt;
    public int timesReopened;
    public UUID duplicateOf;
    public Instant updatedAt;
    public int version;

    private Builder(CaseRow r) {
      this.id = r.id();
      this.reference = r.reference();
      this.serviceCode = r.serviceCode();
      this.residentId = r.residentId();
      this.description = r.description();
      this.address = r.address();
      this.uprn = r.uprn();
      this.latitude = r.latitude();
      this.longitude = r.longitude();
      this.wardCode = r.wardCode();
      this.priority = r.priority();
      this.status = r.status();
      this.teamId = r.teamId();
      this.officerId = r.officerId();
      this.channel = r.channel();
      this.openedAt = r.openedAt();
      this.firstResponseAt = r.firstResponseAt();
      this.resolvedAt = r.resolvedAt();
      this.closedAt = r.closedAt();
      this.dueAt = r.dueAt();
      this.slaRiskAt = r.slaRiskAt();
      this.slaPausedAt = r.slaPausedAt();
      this.slaBreachedAt = r.slaBreachedAt();
      this.timesReopened = r.timesReopened();
      this.duplicateOf = r.duplicateOf();
      this.updatedAt = r.updatedAt();
      this.version = r.version();
    }

    public CaseRow build() {
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
          status,
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
}
