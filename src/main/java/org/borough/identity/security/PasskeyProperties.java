// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkeys ({@code BOROUGH_PASSKEYS_ORIGIN}): the console's address as staff's browsers see it. A
 * browser binds each passkey to that address's host name, and Borough accepts a passkey's answer
 * only from that address, so a look-alike site can neither use nor ask for one.
 */
@ConfigurationProperties("borough.passkeys")
record PasskeyProperties(@DefaultValue("http://localhost:8080") String origin) {

  /** The relying party id: the host name passkeys are bound to. */
  String rpId() {
    String host = URI.create(origin).getHost();
    if (host == null) {
      throw new IllegalStateException(
          "BOROUGH_PASSKEYS_ORIGIN must be an address such as https://crm.example.gov.uk");
    }
    return host;
  }

  /** The origin exactly as a browser sends it: no trailing slash. */
  String browserOrigin() {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
