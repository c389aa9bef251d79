// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The complaint clocks, in working days ({@code BOROUGH_COMPLAINTS_*}). The defaults are the joint
 * complaint handling code's (2024): acknowledge in 5, respond in 10 at stage 1 and 20 at stage 2;
 * an extension may add at most 10 at stage 1 and 20 at stage 2 beyond the first deadline.
 */
@ConfigurationProperties("borough.complaints")
public record ComplaintsProperties(
    @DefaultValue("5") int acknowledgeDays,
    @DefaultValue("10") int stageOneDays,
    @DefaultValue("20") int stageTwoDays,
    @DefaultValue("10") int stageOneExtensionDays,
    @DefaultValue("20") int stageTwoExtensionDays) {

  int respondDays(int stage) {
    return stage == 1 ? stageOneDays : stageTwoDays;
  }

  int extensionDays(int stage) {
    return stage == 1 ? stageOneExtensionDays : stageTwoExtensionDays;
  }
}
