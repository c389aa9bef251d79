// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/**
 * An API request's {@code If-Match} names none of the record's current entity tags: the client read
 * an older version than the one stored (a 412).
 */
public class PreconditionFailedException extends RuntimeException {

  private final String currentTag;

  public PreconditionFailedException(String what, String currentTag) {
    super(
        "The "
            + what
            + " was changed since you read it: If-Match does not match its ETag, now "
            + currentTag
            + ". Read it again and send the new ETag.");
    this.currentTag = currentTag;
  }

  /** The record's entity tag now, sent back so a client can see how far behind it was. */
  public String currentTag() {
    return currentTag;
  }
}
