// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The request that sends staff to the identity provider. Sent from the step-up prompt ({@code
 * /sign-in?again}, whose button adds {@code again}), it asks the provider to have them sign in
 * afresh ({@code prompt=login}) rather than let an existing session there stand for it.
 */
class SingleSignOnRequests implements OAuth2AuthorizationRequestResolver {

  private final DefaultOAuth2AuthorizationRequestResolver resolver;

  SingleSignOnRequests(ClientRegistrationRepository registrations) {
    this.resolver =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    try {
      return afresh(request, resolver.resolve(request));
    } catch (IllegalArgumentException unknown) {
      return null; // see below
    }
  }

  @Override
  public OAuth2AuthorizationRequest resolve(
      HttpServletRequest request, String clientRegistrationId) {
    try {
      return afresh(request, resolver.resolve(request, clientRegistrationId));
    } catch (IllegalArgumentException unknown) {
      // The provider cannot be reached (its registration is not known yet) or the address names
      // another: no redirect, and the request goes on to the sign-in page, which says single
      // sign-on is unavailable, rather than to Spring Security's 500.
      return null;
    }
  }

  private static OAuth2AuthorizationRequest afresh(
      HttpServletRequest request, OAuth2AuthorizationRequest sent) {
    if (sent == null || request.getParameter("again") == null) {
      return sent;
    }
    return OAuth2AuthorizationRequest.from(sent)
        .additionalParameters(p -> p.put("prompt", "login"))
        .build();
  }
}
