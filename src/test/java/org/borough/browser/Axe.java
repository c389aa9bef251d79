// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.browser;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core against whatever page the driver is showing and turns violations into a test
 * failure.
 *
 * <p>The rule set is restricted to the WCAG 2.2 AA tags because that is the legal bar for UK
 * public-sector sites (PSBAR 2018); axe's "best-practice" rules are advisory and would make the
 * build fail on things the standard does not require.
 */
public final class Axe {

  /**
   * WCAG 2.0/2.1 A+AA plus the new 2.2 AA criteria; axe tags rules by the level they were
   * introduced.
   */
  public static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final int MAX_SNIPPET = 200;

  private Axe() {}

  /**
   * Fails with one readable block per violated rule, so a CI log alone is enough to find and fix
   * the offending markup without re-running the browser locally.
   */
  public static void assertNoViolations(WebDriver driver) {
    // Only violations are read: axe then leaves out the details of every rule that passed.
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    // Legacy mode runs axe once in the page. The default opens and closes a blank window on every
    // call to combine per-frame results, which Borough's pages (no iframes) do not need and which
    // took most of the accessibility tests' time.
    Results results =
        new AxeBuilder()
            .withOptions(options)
            .withTags(WCAG_TAGS)
            .setLegacyMode(true)
            .analyze(driver);
    String url = results.getUrl() != null ? results.getUrl() : driver.getCurrentUrl();

    // An axe crash must not read as "no violations found".
    if (results.isErrored()) {
      throw new AssertionError(
          "axe-core failed to run on " + url + ": " + results.getErrorMessage());
    }

    List<Rule> violations = results.getViolations();
    if (violations == null || violations.isEmpty()) {
      return;
    }
    throw new AssertionError(describe(url, violations));
  }

  static String describe(String url, List<Rule> violations) {
    StringBuilder message =
        new StringBuilder()
            .append(violations.size())
            .append(" accessibility violation(s) on ")
            .append(url)
            .append('\n');
    for (Rule rule : violations) {
      message
          .append("\n[")
          .append(rule.getId())
          .append("] impact=")
          .append(rule.getImpact())
          .append(": ")
          .append(rule.getHelp())
          .append('\n')
          .append("  see ")
          .append(rule.getHelpUrl())
          .append('\n');
      for (CheckedNode node : rule.getNodes()) {
        // Target is a list of CSS selectors (nested lists when inside iframes/shadow DOM).
        message
            .append("  - target: ")
            .append(node.getTarget())
            .append('\n')
            .append("    html:   ")
            .append(snippet(node.getHtml()))
            .append('\n');
      }
    }
    return message.toString();
  }

  /** Page-level rules (e.g. html-has-lang) report the whole document; keep the log scannable. */
  private static String snippet(String html) {
    if (html == null) {
      return "";
    }
    String flat = html.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET) + "...";
  }
}
