// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issuing API tokens, creating staff or changing their roles or password, and taking a resident's
 * subject access pack want a sign-in within BOROUGH_STEP_UP from a console session: with one an
 * hour old, each is sent to sign in again and nothing is made. A bearer token, scoped and issued on
 * purpose, is not asked.
 */
class StepUpIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffDirectory directory;
  @Autowired StaffAdministration administration;

  @Test
  void eachSensitiveChangeFromAnOldSignInIsSentToSignInAgainAndMakesNothing() throws Exception {
    String who = "stepup" + UUID.randomUUID().toString().substring(0, 8);
    List<MockHttpServletRequestBuilder> asks =
        List.of(
            post("/account/tokens").param("name", "laptop").param("lifetimeDays", "30"),
            post("/admin/tokens")
                .param("owner", Fixtures.AGENT)
                .param("name", "integration")
                .param("lifetimeDays", "30")
                .param("reason", "step-up test"),
            post("/admin/staff")
                .param("username", who)
                .param("displayName", "Stella Stepup")
                .param("password", "a-long-enough-password")
                .param("roles", "AGENT"),
            post("/admin/staff/" + Fixtures.AGENT)
                .param("displayName", "Agent")
                .param("roles", "ADMIN")
                .param("active", "true"),
            post("/admin/staff/" + Fixtures.AGENT + "/password")
                .param("password", "a-new-long-password"),
            put("/api/v1/staff/" + Fixtures.AGENT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"Agent\",\"roles\":[\"ADMIN\"],\"active\":true}"));
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    for (MockHttpServletRequestBuilder ask : asks) {
      String to =
          mvc.perform(ask.with(signedIn.signedInWithPassword(Fixtures.ADMIN, hourAgo)).with(csrf()))
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      assertThat(to).startsWith("/sign-in?again");
    }
    assertThat(directory.findByUsername(who)).as("no staff made").isEmpty();
    assertThat(directory.findByUsername(Fixtures.AGENT).orElseThrow().roles())
        .doesNotContain(Role.ADMIN);

    // The DPO's subject access pack, likewise.
    String pack =
        mvc.perform(
                get("/residents/" + UUID.randomUUID() + "/subject-access/pack")
                    .with(signedIn.signedInWithPassword(Fixtures.DPO, hourAgo)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(pack).startsWith("/sign-in?again");

    // The warehouse's SQL page, and adding a passkey.
    for (String page : List.of("/warehouse/sql", "/webauthn/register")) {
      String again =
          mvc.perform(get(page).with(signedIn.signedInWithPassword(Fixtures.ADMIN, hourAgo)))
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      assertThat(again).as(page).startsWith("/sign-in?again");
    }

    // A recent sign-in goes on to the page's own rules (here: an agent may issue their own token).
    mvc.perform(
            post("/account/tokens")
                .param("name", "laptop")
                .param("lifetimeDays", "30")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf()))
        .andExpect(status().isOk());
    // A bearer token is not asked for a recent sign-in.
    String other = "stepup" + UUID.randomUUID().toString().substring(0, 8);
    signedIn.as(
        Fixtures.ADMIN,
        () ->
            administration.createStaff(
                other, "Tess Token", "a-long-enough-password", java.util.Set.of(Role.AGENT)));
    mvc.perform(
            put("/api/v1/staff/" + other)
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"displayName\":\"Tess Renamed\",\"roles\":[\"AGENT\"],\"active\":true}"))
        .andExpect(status().is2xxSuccessful());
    assertThat(directory.findByUsername(other).orElseThrow().displayName())
        .isEqualTo("Tess Renamed");
  }
}
