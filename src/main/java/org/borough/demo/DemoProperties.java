// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much demo data to make: {@code BOROUGH_DEMO_RESIDENTS}, {@code BOROUGH_DEMO_CASES}, {@code
 * BOROUGH_DEMO_YEARS}, {@code BOROUGH_DEMO_SEED}, {@code BOROUGH_DEMO_STAFF_PASSWORD}. Whether to
 * make any is the separate switch {@code borough.demo-data} ({@code BOROUGH_DEMO_DATA}, default
 * true), read by {@link DemoDataRunner}.
 *
 * @param residents residents to register
 * @param cases cases to raise, spread over {@code years} up to now
 * @param years how far back the cases go
 * @param seed the same seed and sizes give the same residents and cases
 * @param staffPassword the password of every demo staff account; when blank a random one is printed
 *     once to the console
 */
@ConfigurationProperties("borough.demo")
public record DemoProperties(
    @DefaultValue("10000") int residents,
    @DefaultValue("50000") int cases,
    @DefaultValue("3") int years,
    @DefaultValue("20171215") long seed,
    String staffPassword) {

  public DemoProperties {
    if (residents < 0 || cases < 0) {
      throw new IllegalArgumentException("borough.demo.residents and .cases cannot be negative");
    }
    if (years < 1 || years > 10) {
      throw new IllegalArgumentException("borough.demo.years must be 1 to 10");
    }
  }
}
