// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Photos uploaded for a report that has not been sent yet, as files under {@code <data
 * dir>/portal-uploads} named by a random id (never by the resident's file name). The session holds
 * only the id; files of reports that were never sent are removed after a day.
 */
@Component
class PhotoStore {

  private static final Logger log = LoggerFactory.getLogger(PhotoStore.class);
  private static final Duration KEEP = Duration.ofDays(1);

  private final Path root;
  private final Clock clock;

  PhotoStore(org.borough.system.SystemProperties system, Clock clock) {
    this.root = system.dataDir().resolve("portal-uploads");
    this.clock = clock;
  }

  String save(byte[] bytes) {
    String id = UUID.randomUUID().toString();
    try {
      Files.createDirectories(root);
      Files.write(root.resolve(id), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return id;
  }

  InputStream open(String id) throws IOException {
    return Files.newInputStream(path(id));
  }

  void delete(String id) {
    try {
      Files.deleteIfExists(path(id));
    } catch (IOException e) {
      log.warn("Could not remove an uploaded photo: {}", e.getMessage());
    }
  }

  private Path path(String id) {
    // Ids are ours, but a session is still input: only a UUID names a file here.
    return root.resolve(UUID.fromString(id).toString());
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void removeAbandoned() {
    if (!Files.isDirectory(root)) {
      return;
    }
    Instant before = clock.instant().minus(KEEP);
    try (Stream<Path> files = Files.list(root)) {
      files
          .filter(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).toInstant().isBefore(before);
                } catch (IOException e) {
                  return false;
                }
              })
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  log.warn("Could not remove an abandoned photo: {}", e.getMessage());
                }
              });
    } catch (IOException e) {
      log.warn("Could not list abandoned photos: {}", e.getMessage());
    }
  }
}
