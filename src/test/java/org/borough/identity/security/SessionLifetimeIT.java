// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SessionCookies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session older than the absolute timeout (12 hours) ends at its next request however busy it has
 * been: a page sends the user to sign in again, an API call is answered 401, and the stored session
 * is gone.
 */
class SessionLifetimeIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSessionOlderThanTheAbsoluteTimeoutEndsWhateverItsUse() throws Exception {
    MockHttpSession page = signIn();
    String pageId = SessionCookies.storedId(page);
    mvc.perform(get("/").session(page)).andExpect(status().isOk());
    age(page, Duration.ofHours(11));
    mvc.perform(get("/").session(page)).andExpect(status().isOk());
    age(page, Duration.ofHours(2));
    mvc.perform(get("/").session(page)).andExpect(redirectedUrl("/sign-in?expired"));
    Assertions.assertThat(stored(pageId)).isZero();
    mvc.perform(get("/sign-in").param("expired", ""))
        .andExpect(content().string(containsString("Your session has ended")));

    MockHttpSession api = signIn();
    String apiId = SessionCookies.storedId(api);
    age(api, Duration.ofHours(13));
    mvc.perform(get("/api/v1/services").session(api))
        .andExpect(status().isUnauthorized())
        .andExpect(content().string(containsString("sessions last at most 12 hours")));
    Assertions.assertThat(stored(apiId)).isZero();
  }

  private MockHttpSession signIn() throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/sign-in")
                    .param("username", Fixtures.AGENT)
                    .param("password", Fixtures.PASSWORD)
                    .with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  /** Moves the session's start back, as if it had begun that much earlier. */
  private void age(MockHttpSession session, Duration by) {
    jdbc.update(
        "update spring_session set creation_time = creation_time - ? where session_id = ?",
        by.toMillis(),
        SessionCookies.storedId(session));
  }

  private long stored(String id) {
    return jdbc.queryForObject(
        "select count(*) from spring_session where session_id = ?", Long.class, id);
  }
}
