// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.borough.system.SecretKeys;

/**
 * Residents enter the warehouse only as a keyed pseudonym: HMAC-SHA256 of the CRM id under a secret
 * key that is not in the warehouse. The same resident always gets the same pseudonym (so repeat
 * contacts can be counted), but without the key the pseudonym cannot be turned back into the id,
 * nor recomputed from an id someone has.
 *
 * <p>The pseudonym is the HMAC's first 128 bits, held as a UUID (it is not the CRM's id, nor any id
 * the CRM knows): 16 bytes DuckDB stores and compares as one number, where the whole HMAC as 64
 * hexadecimal characters was a string per row that a rebuild spent a fifth of its time storing. 128
 * bits keep the chance of two residents sharing a pseudonym negligible (about 10^-26 for a million
 * residents).
 */
final class Pseudonyms {

  private final SecretKeySpec key;
  // A Mac per thread, initialised once: a rebuild keys millions of ids, and looking up and
  // initialising a Mac costs more than the HMAC itself.
  private final ThreadLocal<Mac> macs;

  private final ThreadLocal<Cipher> caseEncrypt;
  private final ThreadLocal<Cipher> caseDecrypt;

  Pseudonyms(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(this.key);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
              }
            });
    // Its own key, derived from the secret: a case key says nothing about a resident's.
    SecretKeySpec caseKey =
        new SecretKeySpec(
            java.util.Arrays.copyOf(
                macs.get().doFinal("case keys".getBytes(StandardCharsets.US_ASCII)), 16),
            "AES");
    this.caseEncrypt = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE, caseKey));
    this.caseDecrypt = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE, caseKey));
  }

  private static Cipher cipher(int mode, SecretKeySpec key) {
    try {
      // One block, a random id in it: a keyed permutation of ids, which ECB of one block is.
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(mode, key);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  /** The configured key, or one generated on first use and kept in {@code keyFile}. */
  static Pseudonyms load(String configured, Path keyFile) {
    return new Pseudonyms(SecretKeys.configuredOrKeptIn(configured, keyFile));
  }

  /**
   * A case's key in the warehouse, or null for none: its id encrypted under a key derived from the
   * secret. Analysts cannot turn it back into the CRM's id (nor into a reference), so a fact cannot
   * be joined back to a resident; this server can ({@link #caseIdOf}), for a drill-down to ask the
   * CRM for the references of the cases it lists, for those who may read cases.
   */
  UUID ofCase(UUID caseId) {
    return caseId == null ? null : block(caseEncrypt.get(), caseId);
  }

  /** The CRM's id of a case key made by {@link #ofCase}. */
  UUID caseIdOf(UUID caseKey) {
    return caseKey == null ? null : block(caseDecrypt.get(), caseKey);
  }

  /** A contact's pseudonym, or null for none: as a resident's, under a prefix of its own. */
  UUID ofContact(UUID contactId) {
    return contactId == null ? null : hmac("contact:" + contactId);
  }

  private static UUID block(Cipher cipher, UUID id) {
    ByteBuffer in = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits());
    in.putLong(id.getLeastSignificantBits());
    try {
      ByteBuffer out = ByteBuffer.wrap(cipher.doFinal(in.array()));
      return new UUID(out.getLong(), out.getLong());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot key a case id", e);
    }
  }

  private UUID hmac(String text) {
    byte[] digest = macs.get().doFinal(text.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer first128 = ByteBuffer.wrap(digest, 0, 16);
    return new UUID(first128.getLong(), first128.getLong());
  }

  /** The pseudonym of a resident, or null for none. */
  UUID of(UUID residentId) {
    return residentId == null ? null : hmac(residentId.toString());
  }
}
