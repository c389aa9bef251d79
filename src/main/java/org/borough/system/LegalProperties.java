// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the legal pages every public-sector service must have (the accessibility statement, the
 * privacy notice, the cookies page) say that only the council can know.
 *
 * @param contactEmail where residents report a problem with the service's accessibility or ask for
 *     a page in another format; none: the pages ask them to contact the council
 * @param dpoEmail the data protection officer's address, on the privacy notice; none: the notice
 *     asks them to contact the council's data protection officer
 * @param compliance how far the council, having checked, says the service meets WCAG 2.2 AA
 * @param knownIssues what the council knows is not accessible, sentences separated by semicolons (a
 *     sentence may hold commas, so a list would split it)
 * @param statementPrepared the day the accessibility statement was prepared or last reviewed
 */
@ConfigurationProperties("borough.legal")
public record LegalProperties(
    String contactEmail,
    String dpoEmail,
    @DefaultValue("PARTIAL") Compliance compliance,
    String knownIssues,
    @DefaultValue("2026-12-07") LocalDate statementPrepared) {

  /** The three statuses the accessibility regulations allow a statement to give. */
  public enum Compliance {
    FULL,
    PARTIAL,
    NONE
  }

  public LegalProperties {
    contactEmail = Inputs.stripped(contactEmail);
    dpoEmail = Inputs.stripped(dpoEmail);
  }

  /** The known issues, one per sentence. */
  public List<String> issues() {
    return knownIssues == null
        ? List.of()
        : java.util.Arrays.stream(knownIssues.split(";"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }
}
