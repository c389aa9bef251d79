// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

/** The five answers of the GOV.UK satisfaction question, best first. */
public enum Rating {
  VERY_SATISFIED(5, "Very satisfied"),
  SATISFIED(4, "Satisfied"),
  NEITHER(3, "Neither satisfied nor dissatisfied"),
  DISSATISFIED(2, "Dissatisfied"),
  VERY_DISSATISFIED(1, "Very dissatisfied");

  private final int score;
  private final String label;

  Rating(int score, String label) {
    this.score = score;
    this.label = label;
  }

  /** 5 for very satisfied down to 1, as stored and averaged. */
  public int score() {
    return score;
  }

  public String label() {
    return label;
  }

  /** Satisfied or very satisfied: what the satisfaction rate counts. */
  public boolean satisfied() {
    return score >= 4;
  }

  public static Rating of(int score) {
    for (Rating r : values()) {
      if (r.score == score) {
        return r;
      }
    }
    throw new IllegalArgumentException("No rating " + score);
  }
}
