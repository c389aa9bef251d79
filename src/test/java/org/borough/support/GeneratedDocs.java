// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Documents generated from the code: written under {@code target/generated-docs} and compared with
 * the copy committed under {@code docs/}, so that a build never rewrites tracked files and a change
 * that forgets to regenerate them fails. {@code -Dborough.docs.write=true} regenerates the
 * committed copy.
 */
public final class GeneratedDocs {

  /** Where a build writes its copy. */
  public static final Path TARGET = Path.of("target", "generated-docs");

  private GeneratedDocs() {}

  /** Whether this run regenerates the committed copies. */
  public static boolean writing() {
    return Boolean.getBoolean("borough.docs.write");
  }

  /** Checks (or, when {@link #writing()}, rewrites) one committed file, e.g. docs/security.md. */
  public static void check(Path committed, String content, String regenerate) {
    try {
      Path generated = TARGET.resolve(committed.getFileName());
      Files.createDirectories(TARGET);
      Files.writeString(generated, content, StandardCharsets.UTF_8);
      if (writing()) {
        Files.writeString(committed, content, StandardCharsets.UTF_8);
        return;
      }
      assertThat(Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "")
          .as(outOfDate(committed, generated, regenerate))
          .isEqualTo(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks (or rewrites) a committed folder against one generated under {@link #TARGET}: the same
   * files with the same lines. Lines are compared in any order, because the diagram writer lists
   * relations and events in an order that changes from run to run; rewriting leaves a file whose
   * lines are already right as it is, so regenerating does not churn the history.
   */
  public static void checkFolder(Path committed, Path generated, String regenerate) {
    try {
      List<String> names = names(generated);
      if (writing()) {
        Files.createDirectories(committed);
        for (String stale : names(committed)) {
          if (!names.contains(stale)) {
            Files.delete(committed.resolve(stale));
          }
        }
        for (String name : names) {
          Path target = committed.resolve(name);
          if (!Files.exists(target) || !lines(target).equals(lines(generated.resolve(name)))) {
            Files.copy(generated.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
        return;
      }
      String message = outOfDate(committed, generated, regenerate);
      assertThat(names(committed)).as(message).containsExactlyElementsOf(names);
      for (String name : names) {
        assertThat(lines(committed.resolve(name)))
            .as(message + " (" + name + ")")
            .isEqualTo(lines(generated.resolve(name)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        // An AsciiDoc table cell opens on its first list item, whichever comes first.
        .flatMap(l -> l.startsWith("|* ") ? Stream.of("|", l.substring(1)) : Stream.of(l))
        .sorted()
        .toList();
  }

  private static String outOfDate(Path committed, Path generated, String regenerate) {
    return committed
        + " is not what the code generates (see "
        + generated
        + "): regenerate it with "
        + regenerate
        + " -Dborough.docs.write=true and commit it";
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
