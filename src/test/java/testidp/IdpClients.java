// SPDX-License-Identifier: AGPL-3.0-or-later
package testidp;

import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Borough as a client of the provider. Its address (and so its redirect URIs) is known only once
 * Borough has started, after the provider: {@link #allow} registers it then.
 */
final class IdpClients implements RegisteredClientRepository {

  private final String id = UUID.randomUUID().toString();
  private final InMemoryRegisteredClientRepository clients =
      new InMemoryRegisteredClientRepository(client("http://127.0.0.1:1"));

  void allow(String boroughBase) {
    clients.save(client(boroughBase));
  }

  private RegisteredClient client(String base) {
    return RegisteredClient.withId(id)
        .clientId(TestIdentityProvider.CLIENT_ID)
        .clientSecret("{noop}" + TestIdentityProvider.CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(base + "/login/oauth2/code/oidc")
        .postLogoutRedirectUri(base + "/sign-in?signedOut")
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build();
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    clients.save(registeredClient);
  }

  @Override
  public RegisteredClient findById(String id) {
    return clients.findById(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return clients.findByClientId(clientId);
  }
}
