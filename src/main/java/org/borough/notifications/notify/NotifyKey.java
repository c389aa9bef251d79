// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.notify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * A GOV.UK Notify API key, {@code <key name>-<service id>-<secret>} with both ids UUIDs, and the
 * token each request carries: a JWT naming the service as its issuer, with the time it was made,
 * signed with the secret (HS256). Notify refuses a token made more than 30 seconds from its clock,
 * so one is made for every request.
 */
final class NotifyKey {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final int ID = 36;

  private final String serviceId;
  private final MACSigner signer;

  private NotifyKey(String serviceId, MACSigner signer) {
    this.serviceId = serviceId;
    this.signer = signer;
  }

  /**
   * Reads a key; the message of the refusal never repeats it.
   *
   * @throws IllegalArgumentException when it is not a Notify API key
   */
  static NotifyKey parse(String key) {
    String k = key.strip();
    if (k.length() < 2 * ID + 2) {
      throw new IllegalArgumentException(
          "BOROUGH_NOTIFY_API_KEY is too short for a GOV.UK Notify API key: copy the whole key"
              + " from Notify's API integration page");
    }
    String secret = k.substring(k.length() - ID);
    String service = k.substring(k.length() - 2 * ID - 1, k.length() - ID - 1);
    if (!UUID.matcher(secret).matches()
        || !UUID.matcher(service).matches()
        || k.charAt(k.length() - ID - 1) != '-') {
      throw new IllegalArgumentException(
          "BOROUGH_NOTIFY_API_KEY does not end with a service id and a secret, as a GOV.UK"
              + " Notify API key does: copy the whole key from Notify's API integration page");
    }
    try {
      return new NotifyKey(service, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("BOROUGH_NOTIFY_API_KEY cannot sign: " + e.getMessage());
    }
  }

  String serviceId() {
    return serviceId;
  }

  /** The bearer token for a request made now. */
  String token(Instant now) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            new JWTClaimsSet.Builder().issuer(serviceId).issueTime(Date.from(now)).build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign the GOV.UK Notify token", e);
    }
    return jwt.serialize();
  }
}
