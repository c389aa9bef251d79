// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import org.borough.identity.IdentityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the sign-in page offers: passwords, the council's identity provider, or both. */
@Component
public class SignInOptions {

  private final IdentityProperties identity;
  private final OidcProperties oidc;
  private final ObjectProvider<DiscoveredRegistration> registration;

  SignInOptions(
      IdentityProperties identity,
      OidcProperties oidc,
      ObjectProvider<DiscoveredRegistration> registration) {
    this.identity = identity;
    this.oidc = oidc;
    this.registration = registration;
    if (!identity.localSignIn() && !oidc.configured()) {
      throw new IllegalStateException(
          "BOROUGH_LOCAL_SIGN_IN=false needs single sign-on (BOROUGH_OIDC_ISSUER_URI): without it"
              + " only the break-glass admin could sign in");
    }
  }

  /** Whether single sign-on is configured, whether or not the provider answers now. */
  public boolean singleSignOn() {
    return registration.getIfAvailable() != null;
  }

  /** Whether the provider's discovery document has been read, so that the button works. */
  public boolean singleSignOnAvailable() {
    DiscoveredRegistration r = registration.getIfAvailable();
    return r != null && r.available();
  }

  /** The provider as staff know it, for "Sign in with ...". */
  public String providerName() {
    return oidc.name();
  }

  /** Whether every member of staff may sign in with a password (not only the break-glass admin). */
  public boolean passwords() {
    return identity.localSignIn();
  }
}
