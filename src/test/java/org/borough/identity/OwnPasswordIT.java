// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member of staff changes their own password: the current one is asked for, the new one must be
 * long enough, hard to guess (not a common password, not their name), different and typed twice;
 * then they are signed out, the old password no longer works and the new one does, and the change
 * is in the audit log.
 */
class OwnPasswordIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired AuditLog audit;

  @Test
  void staffChangeTheirOwnPasswordAndSignInWithTheNewOne() throws Exception {
    String username = "pw" + UUID.randomUUID().toString().substring(0, 8);
    String old = "first-password-" + username;
    String fresh = "second-password-" + username;
    signedIn.as(
        Fixtures.ADMIN,
        () -> administration.createStaff(username, "Pat Word", old, Set.of(Role.AGENT)));

    mvc.perform(get("/account/password").with(signedIn.request(username)))
        .andExpect(status().isOk());
    for (String[] wrong :
        new String[][] {
          {"not-my-password", fresh, fresh, "Enter your current password correctly"},
          {old, "short", "short", "at least 12 characters"},
          {old, "password1234", "password1234", "too easy to guess"},
          {old, "patword12345", "patword12345", "too easy to guess"},
          {old, username + "2026", username + "2026", "too easy to guess"},
          {old, old, old, "must differ from the current one"},
          {old, fresh, fresh + "x", "do not match"}
        }) {
      String page =
          mvc.perform(
                  post("/account/password")
                      .param("currentPassword", wrong[0])
                      .param("newPassword", wrong[1])
                      .param("confirmPassword", wrong[2])
                      .with(signedIn.request(username))
                      .with(csrf()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("govuk-error-summary").contains(wrong[3]).doesNotContain(fresh);
    }
    mvc.perform(formLogin("/sign-in").user(username).password(old)).andExpect(authenticated());

    mvc.perform(
            post("/account/password")
                .param("currentPassword", old)
                .param("newPassword", fresh)
                .param("confirmPassword", fresh)
                .with(signedIn.request(username))
                .with(csrf()))
        .andExpect(redirectedUrl("/sign-in?changed"));

    mvc.perform(formLogin("/sign-in").user(username).password(old)).andExpect(unauthenticated());
    mvc.perform(formLogin("/sign-in").user(username).password(fresh)).andExpect(authenticated());
    assertThat(
            signedIn.as(
                Fixtures.ADMIN,
                () -> audit.read(new AuditLog.AuditQuery("staff", username, null, null, 20))))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("password changed by its owner"));
  }

  @Test
  void aPasswordAnAdministratorChoseMustBeChangedBeforeAnythingElse() throws Exception {
    String username = "pw" + UUID.randomUUID().toString().substring(0, 8);
    String chosen = "chosen-by-admin-" + username;
    String own = "chosen-by-owner-" + username;
    signedIn.as(
        Fixtures.ADMIN,
        () -> administration.createStaff(username, "Ada Min", chosen, Set.of(Role.AGENT)));

    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    post("/sign-in")
                        .param("username", username)
                        .param("password", chosen)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/password?required"))
                .andReturn()
                .getRequest()
                .getSession(false);
    // MockMvc reads a bare "?required" as no parameter; a browser sends it empty.
    mvc.perform(get("/account/password").param("required", "").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your password was chosen by someone else")));
    mvc.perform(get("/residents").session(session))
        .andExpect(redirectedUrl("/account/password?required"));
    mvc.perform(get("/api/v1/services").session(session))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("change it at /account/password first")));

    mvc.perform(
            post("/account/password")
                .session(session)
                .param("currentPassword", chosen)
                .param("newPassword", own)
                .param("confirmPassword", own)
                .with(csrf()))
        .andExpect(redirectedUrl("/sign-in?changed"));
    mvc.perform(post("/sign-in").param("username", username).param("password", own).with(csrf()))
        .andExpect(redirectedUrl("/"));
  }
}
