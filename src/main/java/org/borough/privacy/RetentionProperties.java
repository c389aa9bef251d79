// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept ({@code BOROUGH_RETENTION_*}).
 *
 * @param cases how long after a case finished its personal data is kept (the common local authority
 *     schedule: six years, the limitation period for most claims)
 * @param services services kept for another period, as {@code code=period,…} (for example {@code
 *     noise=P2Y,missed-bin=P1Y}): one string, so that it fits an environment variable
 * @param contacts how long a contact names the resident and keeps its summary
 * @param enabled whether the schedule runs by itself every night ({@code borough.retention.cron});
 *     the dry run and the button work either way
 */
@ConfigurationProperties("borough.retention")
public record RetentionProperties(
    @DefaultValue("6y") Period cases,
    @DefaultValue("") String services,
    @DefaultValue("3y") Period contacts,
    @DefaultValue("true") boolean enabled) {

  public RetentionProperties {
    perService(services); // refuses a malformed list at start-up, naming the part
  }

  /** The period for a service's cases. */
  public Period forService(String code) {
    return perService(services).getOrDefault(code, cases);
  }

  /** Whether the service has a period of its own. */
  public boolean hasOwnPeriod(String code) {
    return perService(services).containsKey(code);
  }

  private static Map<String, Period> perService(String list) {
    Map<String, Period> periods = new LinkedHashMap<>();
    if (list == null || list.isBlank()) {
      return periods;
    }
    for (String part : list.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException(
            "borough.retention.services: '"
                + part.trim()
                + "' is not code=period (e.g. noise=P2Y)");
      }
      try {
        periods.put(kv[0].trim(), Period.parse(kv[1].trim()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "borough.retention.services: '" + kv[1].trim() + "' is not a period such as P2Y", e);
      }
    }
    return periods;
  }
}
