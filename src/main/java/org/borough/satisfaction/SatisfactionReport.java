// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * Answers to the satisfaction question given from {@code from} to {@code to}, in all and by service
 * and by channel.
 */
public record SatisfactionReport(
    LocalDate from, LocalDate to, Row total, List<Row> byService, List<Row> byChannel) {

  /**
   * @param satisfiedPercent the share satisfied or very satisfied, to one decimal place; null with
   *     no answers
   * @param average the mean score from 1 (very dissatisfied) to 5, to two places; null with none
   */
  public record Row(
      String key,
      String label,
      long answers,
      long satisfied,
      long dissatisfied,
      Double satisfiedPercent,
      Double average) {}
}
