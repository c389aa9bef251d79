// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on configured with an identity provider that cannot be reached: Borough starts all
 * the same, the sign-in page says single sign-on is unavailable and keeps the password form, and
 * the single sign-on address leads back to that page instead of failing.
 */
class SingleSignOnUnavailableIT extends IntegrationTest {

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    registry.add("borough.oidc.issuer-uri", () -> "http://127.0.0.1:9/realms/borough");
    registry.add("borough.oidc.client-id", () -> "borough");
    registry.add("borough.oidc.client-secret", () -> "unused");
    registry.add("borough.oidc.name", () -> "Unreachable Council account");
  }

  @Autowired MockMvc mvc;

  @Test
  void anUnreachableProviderLeavesPasswordsWorkingAndSaysSo() throws Exception {
    mvc.perform(get("/sign-in"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Signing in with Unreachable Council account is not available at the"
                            + " moment")))
        .andExpect(content().string(containsString("name=\"password\"")))
        .andExpect(content().string(not(containsString("/oauth2/authorization/oidc"))));
    mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/sign-in"));
  }
}
