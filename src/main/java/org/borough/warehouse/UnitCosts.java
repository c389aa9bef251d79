// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.residents.Channel;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one contact costs on each channel, in pounds (scale 2), for the cost-per-contact KPI, and
 * where the figures come from. The defaults are Socitm's channel value benchmarking (2011 data from
 * about 200 councils, published 2012), which gives face to face, phone and web only: a channel with
 * no figure is left out of the costs rather than guessed. Set the others from the council's own
 * figures ({@code BOROUGH_WAREHOUSE_UNIT_COST_EMAIL=...}) and change {@code source} to say so.
 */
public record UnitCosts(
    @DefaultValue("8.62") BigDecimal faceToFace,
    @DefaultValue("2.83") BigDecimal phone,
    @DefaultValue("0.15") BigDecimal web,
    BigDecimal email,
    BigDecimal letter,
    BigDecimal app,
    BigDecimal social,
    @DefaultValue("Socitm channel value benchmarking (2011 data, published 2012)") String source) {

  public UnitCosts {
    for (BigDecimal cost : new BigDecimal[] {faceToFace, phone, web, email, letter, app, social}) {
      if (cost != null && cost.signum() < 0) {
        throw new IllegalArgumentException("borough.warehouse.unit-cost.* must not be negative");
      }
    }
  }

  /** The Socitm defaults. */
  static UnitCosts socitm() {
    return new UnitCosts(
        new BigDecimal("8.62"),
        new BigDecimal("2.83"),
        new BigDecimal("0.15"),
        null,
        null,
        null,
        null,
        "Socitm channel value benchmarking (2011 data, published 2012)");
  }

  /**
   * The cost of one contact by channel code, in pounds with two decimals; costless channels left
   * out.
   */
  Map<String, BigDecimal> byChannel() {
    Map<String, BigDecimal> costs = new LinkedHashMap<>();
    put(costs, Channel.FACE_TO_FACE, faceToFace);
    put(costs, Channel.PHONE, phone);
    put(costs, Channel.WEB, web);
    put(costs, Channel.EMAIL, email);
    put(costs, Channel.LETTER, letter);
    put(costs, Channel.APP, app);
    put(costs, Channel.SOCIAL, social);
    return costs;
  }

  private static void put(Map<String, BigDecimal> costs, Channel channel, BigDecimal cost) {
    if (cost != null) {
      costs.put(channel.name(), cost.setScale(2, RoundingMode.HALF_UP));
    }
  }
}
