// SPDX-License-Identifier: AGPL-3.0-or-later
package testidp;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Security's authorization
 * server on a random port, in this JVM, with staff whose groups a test can change and tokens a test
 * can spoil (expired, from another issuer, for another audience). It lives outside {@code
 * org.borough} so that Borough's own context never scans it.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String CLIENT_ID = "borough";
  public static final String CLIENT_SECRET = "test-client-secret-0123456789";

  private final ConfigurableApplicationContext context;
  private final IdpUsers users;
  private final IdpClients clients;

  private TestIdentityProvider(ConfigurableApplicationContext context) {
    this.context = context;
    this.users = context.getBean(IdpUsers.class);
    this.clients = context.getBean(IdpClients.class);
  }

  public static TestIdentityProvider start() {
    SpringApplication app = new SpringApplication(IdpConfiguration.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    // Not Borough's application.yml: this is another application.
    app.setDefaultProperties(
        Map.of("spring.config.name", "testidp", "spring.main.banner-mode", "off"));
    return new TestIdentityProvider(app.run());
  }

  /** Its issuer, on {@code localhost}: Borough runs on 127.0.0.1, so cookies never mix. */
  public String issuer() {
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    return "http://localhost:" + port;
  }

  /** Lets Borough at this base address (http://127.0.0.1:port) take sign-ins and sign-outs. */
  public void allow(String boroughBase) {
    clients.allow(boroughBase);
  }

  /** A user who can sign in here with this password, in these groups. */
  public void user(String username, String password, String... groups) {
    users.add(username, password, groups);
  }

  /** Moves a user into these groups (none: out of every group). */
  public void groups(String username, String... groups) {
    users.groups(username, groups);
  }

  /** Spoils the ID tokens issued to a user from now on. */
  public void spoil(String username, IdpUsers.Spoiled how) {
    users.spoil(username, how);
  }

  @Override
  public void close() {
    context.close();
  }
}
