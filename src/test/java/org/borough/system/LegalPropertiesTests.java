// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The legal pages' settings as a council's environment gives them, and their defaults. */
class LegalPropertiesTests {

  static LegalProperties bind(Map<String, String> environment) {
    return new Binder(new MapConfigurationPropertySource(environment))
        .bindOrCreate("borough.legal", LegalProperties.class);
  }

  @Test
  void withNothingSetTheStatementIsCarefulAndNamesNoAddress() {
    LegalProperties legal = bind(Map.of());
    assertThat(legal.compliance()).isEqualTo(LegalProperties.Compliance.PARTIAL);
    assertThat(legal.contactEmail()).isNull();
    assertThat(legal.dpoEmail()).isNull();
    assertThat(legal.issues()).isEmpty();
    assertThat(legal.statementPrepared()).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void knownIssuesAreSentencesThatMayHoldCommas() {
    LegalProperties legal =
        bind(
            Map.of(
                "borough.legal.known-issues",
                "Maps have no text alternative, yet; Some PDFs, from before 2018, are not tagged;  ",
                "borough.legal.compliance",
                "FULL",
                "borough.legal.contact-email",
                "  ",
                "borough.legal.statement-prepared",
                "2027-01-15"));
    assertThat(legal.issues())
        .containsExactly(
            "Maps have no text alternative, yet", "Some PDFs, from before 2018, are not tagged");
    assertThat(legal.compliance()).isEqualTo(LegalProperties.Compliance.FULL);
    assertThat(legal.contactEmail()).isNull();
    assertThat(legal.statementPrepared()).isEqualTo(LocalDate.of(2027, 1, 15));
  }
}
