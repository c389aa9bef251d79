// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log's seal, bound from {@code borough.audit.*}.
 *
 * @param checkpointKey secret key (at least 32 characters) that signs the chain's checkpoints; when
 *     empty, one is generated and kept in {@code <data dir>/audit-checkpoint.key}. Every node of a
 *     cluster must be given the same one.
 * @param sealInterval how often new entries are sealed into the chain (and a checkpoint signed)
 */
@ConfigurationProperties("borough.audit")
record AuditProperties(String checkpointKey, @DefaultValue("1m") Duration sealInterval) {

  AuditProperties {
    if (checkpointKey != null && !checkpointKey.isBlank() && checkpointKey.length() < 32) {
      throw new IllegalArgumentException(
          "borough.audit.checkpoint-key must be at least 32 characters");
    }
  }
}
