// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The legal pages every public-sector service must have, on H2 and PostgreSQL: the accessibility
 * statement in the regulations' format from the council's settings, the privacy notice, and a
 * cookies page that names every cookie Borough sets (checked against the cookies real requests get,
 * over plain HTTP and behind a TLS proxy), each linked from the footer of the portal's pages and
 * the console's, and open without signing in.
 */
class LegalPagesIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @LocalServerPort int port;

  @Test
  void theAccessibilityStatementHasEverySectionTheRegulationsAskFor() throws Exception {
    mvc.perform(get("/portal/accessibility"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Accessibility statement for")))
        .andExpect(content().string(containsString("How accessible this website is")))
        .andExpect(content().string(containsString("Feedback and contact information")))
        .andExpect(content().string(containsString("Reporting accessibility problems")))
        .andExpect(content().string(containsString("Enforcement procedure")))
        .andExpect(content().string(containsString("Equality Advisory and Support Service")))
        // The default status is the careful one: a council says more once it has checked.
        .andExpect(content().string(containsString("partially compliant")))
        .andExpect(
            content().string(containsString("Web Content Accessibility Guidelines version 2.2 AA")))
        .andExpect(content().string(containsString("axe-core")))
        .andExpect(
            content().string(containsString("This statement was prepared on 7 December 2026")))
        // No contact address is set in the tests: the statement sends people to the council.
        .andExpect(content().string(containsString("contact Borough Council")));
  }

  @Test
  void thePrivacyNoticeSaysWhatIsHeldWhyForHowLongAndHowToAskForIt() throws Exception {
    mvc.perform(get("/portal/privacy"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("What we hold")))
        .andExpect(content().string(containsString("Who sees it")))
        .andExpect(content().string(containsString("How long we keep it")))
        .andExpect(content().string(containsString("Your rights")))
        .andExpect(content().string(containsString("Information Commissioner")));
  }

  @Test
  void theCookiesPageNamesEveryCookieBoroughSets() throws Exception {
    Set<String> set = new TreeSet<>();
    for (String path :
        new String[] {"/portal", "/portal/report/start", "/portal/sign-in", "/sign-in"}) {
      for (boolean https : new boolean[] {false, true}) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (https) {
          request.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<Void> response =
            HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isLessThan(400);
        response.headers().allValues("Set-Cookie").forEach(c -> set.add(c.split("=", 2)[0]));
      }
    }
    assertThat(set).as("cookies set").isNotEmpty();
    String page =
        mvc.perform(get("/portal/cookies"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (String name : set) {
      assertThat(page).as("the cookies page names " + name).contains("<code>" + name + "</code>");
    }
    assertThat(page).contains("we do not ask for your consent");
  }

  @Test
  void everyPageLinksToThemFromItsFooter() throws Exception {
    for (var page :
        new org.springframework.test.web.servlet.ResultActions[] {
          mvc.perform(get("/portal")), mvc.perform(get("/").with(signedIn.request(Fixtures.AGENT)))
        }) {
      page.andExpect(status().isOk())
          .andExpect(content().string(containsString("href=\"/portal/accessibility\"")))
          .andExpect(content().string(containsString("href=\"/portal/privacy\"")))
          .andExpect(content().string(containsString("href=\"/portal/cookies\"")));
    }
  }
}
