// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

class SmokeIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;

  @Test
  void healthAnswersUpWhenTheDatabaseIsReachable() throws Exception {
    HttpResponse<String> response = health("");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{").contains("\"status\":\"UP\"");
  }

  @Test
  void aStartedNodeIsReadyAndLiveForALoadBalancerWithoutSigningIn() throws Exception {
    assertThat(health("/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(health("/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
  }

  private HttpResponse<String> health(String group) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health" + group))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStylesheetIsServedFromItsVersionAgnosticWebjarPath() throws Exception {
    // Links are not rewritten (WebConfiguration turns the resource URL filter off), so the
    // version-agnostic path in the layout must be served as it is, by the real server.
    String page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String css = "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css";
    assertThat(page).contains("href=\"" + css + "\"");
    HttpResponse<String> stylesheet =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + css)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stylesheet.statusCode()).isEqualTo(200);
    assertThat(stylesheet.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(stylesheet.body()).contains(".govuk-button");
  }

  @Test
  void agentCanRegisterAResidentAndRaiseACase() throws Exception {
    var agent = signedIn.request(Fixtures.AGENT);
    mvc.perform(get("/residents").with(agent)).andExpect(status().isOk());
    var result =
        mvc.perform(
                post("/residents/new")
                    .with(agent)
                    .with(csrf())
                    .param("forename", "Smoke")
                    .param("surname", "Tester")
                    .param("postcode", "sw1a1aa")
                    .param("addressLine1", "1 Test Street"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/residents/");
    mvc.perform(get(location).with(agent)).andExpect(status().isOk());
    String resident = location.substring("/residents/".length());
    var raised =
        mvc.perform(
                post("/cases/new")
                    .with(agent)
                    .with(csrf())
                    .param("service", Fixtures.MISSED_BIN)
                    .param("resident", resident)
                    .param("attr-bin_type", "recycling")
                    .param("description", "Recycling not collected on Tuesday"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String caseUrl = raised.getResponse().getRedirectedUrl();
    assertThat(caseUrl).matches("/cases/BR-\\d{4}-\\d{6}");
    mvc.perform(get(caseUrl).with(agent)).andExpect(status().isOk());
  }
}
