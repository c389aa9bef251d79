// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing a resident in to the portal the way they do it: ask for a link, read the email that
 * arrives at GreenMail, open the link and press Continue. No shortcut into the session.
 */
public final class PortalSignIn {

  public static final String SUBJECT = "Sign in to see your reports";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private PortalSignIn() {}

  /** A request from {@code address}, as a resident's browser makes it. */
  public static RequestPostProcessor from(String address) {
    return r -> {
      r.setRemoteAddr(address);
      return r;
    };
  }

  /** Asks for a link for {@code email}; the response (a redirect to "check your email"). */
  public static MockHttpServletResponse ask(
      MockMvc mvc, MockHttpSession session, String email, String address) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.post("/portal/sign-in")
                .param("email", email)
                .session(session)
                .with(csrf())
                .with(from(address)))
        .andReturn()
        .getResponse();
  }

  /** The sign-in emails that have arrived for {@code email}, oldest first. */
  public static List<TestMail.Mail> mails(String email) {
    return TestMail.to(email).stream().filter(m -> m.subject().equals(SUBJECT)).toList();
  }

  /** Waits for the {@code count}th sign-in email; its link, as a path on this server. */
  public static String awaitLink(String email, int count) {
    long end = System.nanoTime() + WAIT.toNanos();
    List<TestMail.Mail> found = mails(email);
    while (found.size() < count && System.nanoTime() < end) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = mails(email);
    }
    if (found.size() < count) {
      throw new AssertionError("No sign-in email number " + count + " for " + email);
    }
    return linkIn(found.get(count - 1).body());
  }

  /** The link in a sign-in email, from {@code /portal/sign-in/link} on. */
  public static String linkIn(String body) {
    String line =
        body.lines()
            .filter(l -> l.contains("/portal/sign-in/link?token="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No sign-in link in: " + body))
            .trim();
    return line.substring(line.indexOf("/portal/sign-in/link"));
  }

  /** The token of a link. */
  public static String token(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  /** Presses Continue on the link's page: the response (a redirect to the account, or not). */
  public static MockHttpServletResponse use(
      MockMvc mvc, MockHttpSession session, String token, String address) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.post("/portal/sign-in/link")
                .param("token", token)
                .session(session)
                .with(csrf())
                .with(from(address)))
        .andReturn()
        .getResponse();
  }

  /** A new browser session signed in as the resident with {@code email}. */
  public static MockHttpSession signIn(MockMvc mvc, String email, String address) throws Exception {
    MockHttpSession session = new MockHttpSession();
    int before = mails(email).size();
    ask(mvc, session, email, address);
    String link = awaitLink(email, before + 1);
    MockHttpServletResponse used = use(mvc, session, token(link), address);
    if (!"/portal/account".equals(used.getRedirectedUrl())) {
      throw new AssertionError("The sign-in link did not sign in: " + used.getStatus());
    }
    return session;
  }
}
