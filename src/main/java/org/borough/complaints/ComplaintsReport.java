// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Instant;
import java.util.List;

/**
 * The annual complaints performance report the complaint handling codes ask councils to publish:
 * for one financial year (1 April to 31 March), by the service complained about and in total, how
 * many complaints each stage received and answered, how many within time, how many were extended,
 * and what they found; and how many residents went on to the Ombudsman.
 *
 * @param year the financial year, written 2026/27
 */
public record ComplaintsReport(
    String year, Instant from, Instant until, List<Row> rows, Row total, int ombudsmanReferrals) {

  /** One service's figures; {@code service} is its name, or null for complaints not linked. */
  public record Row(String service, Figures stageOne, Figures stageTwo) {}

  /**
   * One stage's figures. A stage counts in the year it began; its response counts with it, even
   * after the year ended.
   *
   * @param workingDays working days from the stage's start to its response, summed over responses
   */
  public record Figures(
      int received,
      int responded,
      int withinTime,
      int extended,
      int upheld,
      int partlyUpheld,
      int notUpheld,
      long workingDays) {

    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

    /** The share of responses sent within time, as a whole percentage; null with none sent. */
    public Integer withinTimePercent() {
      return responded == 0 ? null : (int) Math.round(100.0 * withinTime / responded);
    }

    /** The average working days to respond, to one decimal place; null with none sent. */
    public Double averageWorkingDays() {
      return responded == 0 ? null : Math.round(10.0 * workingDays / responded) / 10.0;
    }

    Figures plus(Figures o) {
      return new Figures(
          received + o.received,
          responded + o.responded,
          withinTime + o.withinTime,
          extended + o.extended,
          upheld + o.upheld,
          partlyUpheld + o.partlyUpheld,
          notUpheld + o.notUpheld,
          workingDays + o.workingDays);
    }
  }
}
