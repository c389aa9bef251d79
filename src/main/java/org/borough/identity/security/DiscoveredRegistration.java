// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The council's identity provider as an OAuth2 client registration, read from its discovery
 * document the first time it is needed and kept. Not at start-up: an identity provider that cannot
 * be reached then must not stop Borough starting (the break-glass administrator signs in with a
 * password); the sign-in page offers single sign-on again once the provider answers.
 */
class DiscoveredRegistration implements ClientRegistrationRepository {

  static final String ID = "oidc";

  private static final Logger log = LoggerFactory.getLogger(DiscoveredRegistration.class);

  /** How long after a failed discovery the provider is not asked again. */
  private static final Duration QUIET = Duration.ofSeconds(30);

  private final OidcProperties properties;
  private final Clock clock;
  private volatile ClientRegistration registration;
  private volatile Instant triedAt = Instant.MIN;

  DiscoveredRegistration(OidcProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return ID.equals(registrationId) ? registration() : null;
  }

  /** Whether single sign-on can start now (the provider's discovery document has been read). */
  boolean available() {
    return registration() != null;
  }

  private ClientRegistration registration() {
    ClientRegistration known = registration;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (registration == null && triedAt.plus(QUIET).isBefore(now)) {
        triedAt = now;
        try {
          registration =
              ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                  .registrationId(ID)
                  .clientId(properties.clientId())
                  .clientSecret(properties.clientSecret())
                  .clientName(properties.name())
                  .scope("openid", "profile", "email")
                  .build();
          log.info("Single sign-on with {} is ready", properties.issuerUri());
        } catch (RuntimeException e) {
          log.warn(
              "Single sign-on is unavailable: {} could not be read ({}); asking again in {} s",
              properties.issuerUri(),
              e.getMessage(),
              QUIET.toSeconds());
        }
      }
      return registration;
    }
  }
}
