// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Reproducible randomness: every row is derived from the seed, a stream (which table) and an index,
 * so a chunk of rows comes out the same whichever thread makes it and in whatever order.
 */
final class Seeds {

  static final long RESIDENTS = 1;
  static final long ADDRESSES = 2;
  static final long CASES = 3;
  static final long CONTACTS = 4;
  static final long STREETS = 5;
  static final long RESIDENT_TIMES = 6;
  static final long RESIDENT_HOMES = 7;
  static final long STAFF = 8;
  static final long COMPLAINTS = 9;
  static final long INFORMATION_REQUESTS = 10;
  static final long ENQUIRIES = 11;
  static final long SATISFACTION = 12;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, long stream, long index) {
    return mix(seed ^ mix(stream * GOLDEN + index));
  }

  /** A number in [0, 1) fixed by seed, stream and index. */
  static double unit(long seed, long stream, long index) {
    return (hash(seed, stream, index) >>> 11) * 0x1.0p-53;
  }

  /**
   * A version 7 UUID (RFC 9562) for something that happened at {@code at}: milliseconds first, so
   * rows made in time order sit side by side in their indexes. Millions of random ids would each
   * land on a different index page, and the load would slow down as the indexes outgrow memory.
   */
  static UUID timeOrdered(long seed, long stream, long index, Instant at) {
    long random = hash(seed, stream, index);
    long hi = ((at.toEpochMilli() & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | (random >>> 52);
    long lo = (mix(random + GOLDEN) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  /** A {@link Random} for one chunk of one stream. */
  static Random random(long seed, long stream, long chunk) {
    return new Random(hash(seed, stream + 1000, chunk));
  }
}
