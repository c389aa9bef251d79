// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie. Over HTTPS (directly or through the proxy's {@code X-Forwarded-Proto}) it is
 * {@code __Host-SESSION}: the prefix makes a browser refuse it unless it is {@code Secure}, for the
 * whole site ({@code Path=/}) and for this host only (no {@code Domain}), so neither a page on a
 * sibling sub-domain nor a plain-HTTP response can plant or overwrite it. A plain-HTTP request (a
 * laptop trying Borough on localhost) gets {@code SESSION}, which browsers would not store
 * otherwise. Both are {@code HttpOnly} and {@code SameSite=Lax}.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

  static final String OVER_HTTPS = "__Host-SESSION";
  static final String OVER_HTTP = "SESSION";

  @Bean
  CookieSerializer sessionCookieSerializer() {
    DefaultCookieSerializer secure = serializer(OVER_HTTPS);
    secure.setUseSecureCookie(true);
    DefaultCookieSerializer plain = serializer(OVER_HTTP);
    return new CookieSerializer() {
      @Override
      public void writeCookieValue(CookieValue value) {
        (value.getRequest().isSecure() ? secure : plain).writeCookieValue(value);
      }

      @Override
      public List<String> readCookieValues(HttpServletRequest request) {
        return (request.isSecure() ? secure : plain).readCookieValues(request);
      }
    };
  }

  private static DefaultCookieSerializer serializer(String name) {
    DefaultCookieSerializer s = new DefaultCookieSerializer();
    s.setCookieName(name);
    s.setCookiePath("/");
    s.setUseHttpOnlyCookie(true);
    s.setSameSite("Lax");
    return s;
  }
}
