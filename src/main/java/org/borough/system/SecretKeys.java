// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Secret keys that must live outside the database they protect (the warehouse's pseudonym key, the
 * audit log's checkpoint key): the configured one, or one generated on first start and kept in a
 * file in the data directory that only Borough's user can read. A cluster's nodes must share the
 * configured value.
 */
public final class SecretKeys {

  private SecretKeys() {}

  /** The configured key's bytes, or those kept in {@code keyFile}, made there if it is missing. */
  public static byte[] configuredOrKeptIn(String configured, Path keyFile) {
    if (configured != null && !configured.isBlank()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    try {
      if (!Files.exists(keyFile)) {
        byte[] random = RandomTokens.bytes(32);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(random));
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the data directory's own permissions protect it.
        }
      }
      return Base64.getDecoder().decode(Files.readString(keyFile).trim());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the key " + keyFile, e);
    }
  }
}
