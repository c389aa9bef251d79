// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The descriptions of exempt information in Part 1 of Schedule 12A to the Local Government Act
 * 1972, which reg 20 of the Executive Arrangements Regulations (SI 2012/2089) lets a council leave
 * out of a published decision. A record names the paragraph it relies on; the public is told which,
 * so they know why something is withheld. Stored and sent as the paragraph's number.
 */
public enum ExemptParagraph implements Labelled {
  INDIVIDUAL(1, "Information relating to any individual"),
  IDENTITY(2, "Information which is likely to reveal the identity of an individual"),
  FINANCIAL_OR_BUSINESS(
      3,
      "Information relating to the financial or business affairs of any particular person"
          + " (including the authority holding that information)"),
  LABOUR_RELATIONS(
      4,
      "Information relating to consultations or negotiations in connection with a labour"
          + " relations matter between the authority and its employees or office holders"),
  LEGAL_PRIVILEGE(
      5,
      "Information in respect of which a claim to legal professional privilege could be"
          + " maintained in legal proceedings"),
  NOTICE_OR_ORDER(
      6,
      "Information which reveals that the authority proposes to give a notice imposing"
          + " requirements on a person, or to make an order or direction, under an enactment"),
  CRIME(
      7,
      "Information relating to action taken or to be taken in connection with the prevention,"
          + " investigation or prosecution of crime");

  private final int number;
  private final String description;

  ExemptParagraph(int number, String description) {
    this.number = number;
    this.description = description;
  }

  @JsonValue
  public int number() {
    return number;
  }

  public String description() {
    return description;
  }

  @Override
  public String label() {
    return number + ": " + description;
  }

  /** The paragraph with this number, or null when there is none. */
  @JsonCreator
  public static ExemptParagraph of(Integer number) {
    if (number == null) {
      return null;
    }
    for (ExemptParagraph p : values()) {
      if (p.number == number) {
        return p;
      }
    }
    throw new IllegalArgumentException("Schedule 12A, Part 1 has paragraphs 1 to 7");
  }
}
