// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import jakarta.servlet.http.Cookie;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * Lets MockMvc tests keep writing {@code .session(session)} although sessions live in the database
 * (Spring Session JDBC), which knows a session only by its {@code SESSION} cookie: the cookie a
 * response sets is kept in the test's {@link MockHttpSession} (one is made for a request that had
 * none, so {@code getRequest().getSession(false)} still gives the signed-in session), and sent
 * again with every request made with that session. A response that clears the cookie invalidates
 * the test's session, as signing out does in a browser.
 */
@TestComponent
public class SessionCookies implements MockMvcBuilderCustomizer {

  static final String COOKIE = "SESSION";
  private static final String KEPT = SessionCookies.class.getName();

  @Override
  public void customize(ConfigurableMockMvcBuilder<?> builder) {
    builder.defaultRequest(
        MockMvcRequestBuilders.get("/")
            .with(
                request -> {
                  if (request.getSession(false) instanceof MockHttpSession s
                      && !s.isInvalid()
                      && s.getAttribute(KEPT) instanceof String value
                      && (request.getCookies() == null || noSessionCookie(request.getCookies()))) {
                    request.setCookies(append(request.getCookies(), new Cookie(COOKIE, value)));
                  }
                  return request;
                }));
    builder.alwaysDo(
        result -> {
          MockHttpServletRequest request = result.getRequest();
          for (Cookie set : result.getResponse().getCookies()) {
            if (!COOKIE.equals(set.getName())) {
              continue;
            }
            MockHttpSession session =
                request.getSession(false) instanceof MockHttpSession s && !s.isInvalid() ? s : null;
            if (set.getMaxAge() == 0 || set.getValue().isEmpty()) {
              if (session != null) {
                session.invalidate(); // signed out: the browser drops the cookie
              }
              continue;
            }
            if (session == null) {
              session = new MockHttpSession();
              request.setSession(session);
            } else if (session.getAttribute(KEPT) != null
                && !set.getValue().equals(session.getAttribute(KEPT))) {
              session.changeSessionId(); // a new id, as on signing in
            }
            session.setAttribute(KEPT, set.getValue());
          }
        });
  }

  /**
   * The id of the stored session a test's session stands for, or null: its SESSION cookie, which
   * Spring Session writes in Base64.
   */
  public static String storedId(MockHttpSession session) {
    String cookie = (String) session.getAttribute(KEPT);
    return cookie == null
        ? null
        : new String(
            java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean noSessionCookie(Cookie[] cookies) {
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName())) {
        return false;
      }
    }
    return true;
  }

  private static Cookie[] append(Cookie[] cookies, Cookie extra) {
    if (cookies == null) {
      return new Cookie[] {extra};
    }
    Cookie[] all = java.util.Arrays.copyOf(cookies, cookies.length + 1);
    all[cookies.length] = extra;
    return all;
  }
}
