// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.borough.audit.AuditLog.Entry;

/**
 * The arithmetic of the audit chain, apart from the database so that it can be checked by hand: an
 * entry's canonical form, a link's hash, a checkpoint's signature.
 */
final class AuditSeal {

  /** The hash before the first link. */
  static final String GENESIS = "0".repeat(64);

  private AuditSeal() {}

  /**
   * Every field of the entry, each as its length, a colon and its characters (a null as a dash), so
   * that no two different entries share a form: "ab" + "c" and "a" + "bc" differ. The time is
   * counted in microseconds, the precision both databases keep.
   */
  static String canonical(Entry e) {
    StringBuilder b = new StringBuilder(256);
    field(b, Long.toString(e.id()));
    field(b, e.at().truncatedTo(ChronoUnit.MICROS).toString());
    field(b, e.actor());
    field(b, e.action().name());
    field(b, e.subjectType());
    field(b, e.subjectId());
    field(b, e.detail());
    field(b, e.remoteAddress());
    return b.toString();
  }

  private static void field(StringBuilder b, String value) {
    if (value == null) {
      b.append("-;");
    } else {
      b.append(value.length()).append(':').append(value).append(';');
    }
  }

  /** SHA-256, in hexadecimal, of the previous link's hash, a newline and the entry's form. */
  static String hash(String previous, Entry e) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) '\n');
      sha.update(canonical(e).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("SHA-256 is not available", ex);
    }
  }

  /** HMAC-SHA256, in hexadecimal, of "seq:hash" under the checkpoint key. */
  static String sign(byte[] key, long seq, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((seq + ":" + hash).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("HMAC-SHA256 is not available", ex);
    }
  }
}
