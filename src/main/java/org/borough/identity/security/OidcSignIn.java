// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Single sign-on, when {@code BOROUGH_OIDC_ISSUER_URI} is set: the provider's registration, who its
 * users are in Borough, and where the tokens it gives are kept — in the session (so in the sessions
 * table, seen by every node, and gone when the session ends), not in one node's memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${borough.oidc.issuer-uri:}'.isBlank()")
class OidcSignIn {

  @Bean
  DiscoveredRegistration oidcRegistration(OidcProperties properties, Clock clock) {
    return new DiscoveredRegistration(properties, clock);
  }

  @Bean
  StaffOidcUserService staffOidcUserService(
      OidcProperties properties, StaffRepository staff, StaffService administration) {
    return new StaffOidcUserService(properties, staff, administration);
  }

  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }
}
