// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.borough.governance.Money;
import org.springframework.stereotype.Component;

/**
 * Templates lay out a decision's text with {@code ${@decisionText.blocks(d.purpose)}}: each line a
 * paragraph, and lines that start with a bullet ("•", "-", "*") gathered into a bulleted list, as
 * council minutes are written.
 */
@Component("decisionText")
public class DecisionText {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** A paragraph ({@code bullets} false, one line) or a bulleted list. */
  public record Block(boolean bullets, List<String> lines) {}

  public List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    if (text == null) {
      return blocks;
    }
    List<String> list = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        list = null;
        continue;
      }
      if (line.startsWith("• ") || line.startsWith("- ") || line.startsWith("* ")) {
        if (list == null) {
          list = new ArrayList<>();
          blocks.add(new Block(true, list));
        }
        list.add(line.substring(2).strip());
      } else {
        list = null;
        blocks.add(new Block(false, List.of(line)));
      }
    }
    return blocks;
  }

  /** The text's non-blank lines, trimmed. */
  public List<String> lines(String text) {
    return text == null
        ? List.of()
        : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** A date as minutes write it: 15/12/2017. */
  public String minutesDate(LocalDate date) {
    return date == null ? "" : MINUTES.format(date);
  }

  public String money(Long pence) {
    return Money.format(pence);
  }
}
