// SPDX-License-Identifier: AGPL-3.0-or-later
package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The provider's application, wired by hand (no auto-configuration: Borough's own, on the same
 * class path, must not start here): Tomcat on a random port, Spring Security's authorization server
 * with OpenID Connect, and its generated sign-in form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableWebMvc
class IdpConfiguration {

  @Bean
  TomcatServletWebServerFactory tomcat() {
    return new TomcatServletWebServerFactory(0);
  }

  /** Answers what the security filters do not (nothing else is here): 404. */
  @Bean
  DispatcherServlet dispatcherServlet() {
    return new DispatcherServlet();
  }

  @Bean
  SecurityFilterChain provider(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .addFilterBefore(
            new PromptLogin(),
            org.springframework.security.web.context.SecurityContextHolderFilter.class);
    return http.build();
  }

  @Bean
  IdpUsers users() {
    return new IdpUsers();
  }

  @Bean
  IdpClients clients() {
    return new IdpClients();
  }

  @Bean
  AuthorizationServerSettings settings() {
    // No issuer set: it is this server's own address as each request reaches it.
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /** For the provider's own user-info endpoint, which reads the access tokens it issued. */
  @Bean
  JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
  }

  /** ID tokens carry the username and groups, and are spoiled for users a test has chosen. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> idTokens(IdpUsers users) {
    return context -> {
      if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        return;
      }
      String username = context.getPrincipal().getName();
      var claims = context.getClaims();
      claims.claim("preferred_username", username).claim("groups", users.groupsOf(username));
      Instant now = Instant.now();
      switch (users.spoiledFor(username)) {
        case EXPIRED ->
            claims
                .issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofHours(1)));
        case OTHER_ISSUER -> claims.issuer("https://idp.example.org");
        case OTHER_AUDIENCE -> claims.audience(List.of("someone-else"));
        case NOT -> {}
      }
    };
  }
}
