// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.Map;
import java.util.Set;

/**
 * What the catalogue must know about cases to change a service safely. The cases module implements
 * it, so the catalogue needs no dependency on cases (which depends on the catalogue).
 */
public interface ServiceUsage {

  /** Whether any case has been raised against the service. */
  boolean hasCases(String serviceCode);

  /** Codes of the service's questions that at least one case has answered. */
  Set<String> answeredAttributes(String serviceCode);

  /** Case statuses an SLA clock may pause in, name to label, in lifecycle order. */
  Map<String, String> pausableStatuses();
}
