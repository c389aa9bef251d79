// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The JSON API's optimistic locking: a record's version sent as a strong {@code ETag} ({@code
 * "7"}), and a change's {@code If-Match} checked against the version stored (ADR 0022). If-Match is
 * optional: without it a change is made to whatever version the server reads, still guarded against
 * a save racing it.
 */
public final class EntityTags {

  private EntityTags() {}

  /** The entity tag of a version: strong, the number in quotes. */
  public static String of(int version) {
    return "\"" + version + "\"";
  }

  /** A 200 answer carrying the record's version as its ETag. */
  public static <T> ResponseEntity<T> ok(T body, int version) {
    return ResponseEntity.ok().eTag(of(version)).body(body);
  }

  /**
   * The version a change is to be made to: the stored one when {@code ifMatch} names it (or is
   * {@code *}), or is absent.
   *
   * @param what the record, for the message, e.g. "case BR-2026-000123"
   * @throws InvalidInputException under {@code If-Match} when the header cannot be read (a 400)
   * @throws PreconditionFailedException when it names other versions only (a 412)
   */
  public static int expected(String ifMatch, int current, String what) {
    if (ifMatch == null) {
      return current;
    }
    List<String> tags = parse(ifMatch);
    if (tags.contains("*") || tags.contains(of(current))) {
      return current;
    }
    // A weak tag never matches: If-Match compares strongly (RFC 9110 13.1.1).
    throw new PreconditionFailedException(what, of(current));
  }

  /**
   * Like {@link #expected}, for a change that must name the version it was made to: {@code
   * If-Match}, or else {@code version} from the request as older clients send it.
   *
   * @throws InvalidInputException under {@code If-Match} when neither is given
   */
  public static int required(String ifMatch, Integer version, int current, String what) {
    if (ifMatch != null) {
      return expected(ifMatch, current, what);
    }
    if (version == null) {
      throw InvalidInputException.of(
          "If-Match", "Send If-Match with the ETag you read, so nobody's change is overwritten");
    }
    return version;
  }

  /** The entity tags of an If-Match list, or {@code *}; anything else is refused with a 400. */
  static List<String> parse(String header) {
    String h = header.trim();
    if (h.equals("*")) {
      return List.of("*");
    }
    List<String> tags = new ArrayList<>();
    for (String part : h.split(",", -1)) {
      String tag = part.trim();
      String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
      if (opaque.length() < 2
          || !opaque.startsWith("\"")
          || !opaque.endsWith("\"")
          || opaque.substring(1, opaque.length() - 1).contains("\"")) {
        throw InvalidInputException.of(
            "If-Match", "If-Match must be * or entity tags in quotes, like \"3\"");
      }
      tags.add(tag);
    }
    return tags;
  }
}
