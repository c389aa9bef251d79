// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/** A thing asked for by id or reference does not exist (a 404 page or problem). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " was not found");
  }
}
