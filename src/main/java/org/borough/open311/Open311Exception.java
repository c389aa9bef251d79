// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.util.List;

/**
 * A request Open311 refuses, with every reason: the HTTP status is 404 for something that does not
 * exist, 403 for a missing or wrong api_key, and 400 for everything else.
 */
class Open311Exception extends RuntimeException {

  /** One entry of an {@code <errors>} response; {@code code} is the HTTP status. */
  record Error(int code, String description) {}

  private final int status;
  private final List<Error> errors;

  Open311Exception(int status, List<String> descriptions) {
    super(status + " " + descriptions);
    this.status = status;
    this.errors = descriptions.stream().map(d -> new Error(status, d)).toList();
  }

  static Open311Exception badRequest(String description) {
    return new Open311Exception(400, List.of(description));
  }

  /** A request that could not even be read: a broken %-escape, a body not what it says. */
  static Open311Exception malformed(int status) {
    return new Open311Exception(
        status, List.of("The request is malformed: check its encoding, parameters and body"));
  }

  static Open311Exception unavailable() {
    return new Open311Exception(
        503, List.of("The service is unavailable for a moment: try again in a few seconds"));
  }

  static Open311Exception notFound(String description) {
    return new Open311Exception(404, List.of(description));
  }

  static Open311Exception forbidden(String description) {
    return new Open311Exception(403, List.of(description));
  }

  int status() {
    return status;
  }

  List<Error> errors() {
    return errors;
  }
}
