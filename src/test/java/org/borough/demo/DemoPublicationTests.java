// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo borough publishes only the services that are public by nature, and the migration that
 * brought publication in publishes the same ones in a database made before it.
 */
class DemoPublicationTests {

  @Test
  void publishesStreetServicesAndTheMissedBinButNothingAboutAPersonOrAHome() {
    Set<String> published = published();
    assertThat(published)
        .contains("pothole", "fly-tipping", "street-light", "graffiti", "missed-bin")
        .doesNotContain(
            "noise",
            "council-tax-query",
            "housing-repair",
            "emergency-repair",
            "pest-control",
            "parking-permit",
            "bulky-waste",
            "replacement-bin");
  }

  @Test
  void theMigrationPublishesTheSameServicesAsTheDemoCatalogue() throws IOException {
    String sql =
        Files.readString(
            Path.of(
                "src/main/resources/db/migration/common/V18__publication_and_open311_scopes.sql"));
    Matcher update =
        Pattern.compile("update service set published = true where code in \\(([^)]*)\\)")
            .matcher(sql);
    assertThat(update.find()).isTrue();
    Set<String> codes = new TreeSet<>();
    Matcher quoted = Pattern.compile("'([a-z-]+)'").matcher(update.group(1));
    while (quoted.find()) {
      codes.add(quoted.group(1));
    }
    assertThat(codes).isEqualTo(published());
  }

  private static Set<String> published() {
    Set<String> codes = new TreeSet<>();
    for (DemoCatalogue.ServiceSpec s : DemoCatalogue.services()) {
      if (s.definition(null).published()) {
        codes.add(s.code());
      }
    }
    return codes;
  }
}
