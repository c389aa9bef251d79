// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/**
 * A request that is well-formed but not possible in the current state, e.g. closing a case that is
 * not resolved, or saving over someone else's change (a 409).
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
