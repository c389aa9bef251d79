// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The admin page warns before the bank holiday list runs out, and a newer list ends it. */
class BankHolidaysIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;

  @Test
  void aListEndingThisYearIsWarnedOfUntilANewerOneIsLoaded() throws Exception {
    int year = LocalDate.now().getYear();
    String ending =
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
            + "{\"title\":\"Christmas Day\",\"date\":\""
            + year
            + "-12-25\"},{\"title\":\"Boxing Day\",\"date\":\""
            + year
            + "-12-26\"}]}}";
    byte[] bundled;
    try (InputStream in = BankHolidays.class.getResourceAsStream(BankHolidays.BUNDLED)) {
      bundled = in.readAllBytes();
    }
    try {
      load(ending.getBytes(StandardCharsets.UTF_8));
      assertThat(page())
          .contains("govuk-warning-text")
          .contains("The bank holidays Borough knows end on 31 December " + year);
    } finally {
      // Every other test counts working days on the bundled list.
      load(bundled);
    }
    assertThat(page()).doesNotContain("govuk-warning-text");
  }

  private void load(byte[] json) throws Exception {
    mvc.perform(
            multipart("/admin/bank-holidays")
                .file(new MockMultipartFile("file", "bank-holidays.json", "application/json", json))
                .with(signedIn.request(Fixtures.ADMIN))
                .with(csrf()))
        .andReturn();
  }

  private String page() throws Exception {
    return mvc.perform(get("/admin/bank-holidays").with(signedIn.request(Fixtures.ADMIN)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
