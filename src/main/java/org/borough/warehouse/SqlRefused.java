// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

/**
 * An analyst's query that will not run, or did not finish: a message key under {@code sql.refused.}
 * in messages.properties with its arguments, and where in the text the problem is (-1: nowhere in
 * particular). {@link AnalystSql} turns it into the page's or the API's error.
 */
final class SqlRefused extends RuntimeException {

  private final String key;
  private final transient Object[] args;
  private final long offset;

  SqlRefused(String key, Object... args) {
    this(-1, key, args);
  }

  SqlRefused(long offset, String key, Object... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = args;
    this.offset = offset;
  }

  /** The message key, without its {@code sql.refused.} prefix. */
  String key() {
    return key;
  }

  Object[] args() {
    return args.clone();
  }

  long offset() {
    return offset;
  }
}
