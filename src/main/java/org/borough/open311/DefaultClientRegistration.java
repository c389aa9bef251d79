// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Registers {@code BOROUGH_OPEN311_API_KEY}, if set, as the key of the client "default". */
@Component
class DefaultClientRegistration implements ApplicationRunner {

  private final Open311Clients clients;
  private final Open311Properties properties;

  DefaultClientRegistration(Open311Clients clients, Open311Properties properties) {
    this.clients = clients;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    String key = properties.apiKey();
    if (key != null && !key.isBlank()) {
      clients.registerDefault(key.trim(), properties.jurisdictionId());
    }
  }
}
