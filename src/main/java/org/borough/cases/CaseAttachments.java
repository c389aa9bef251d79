// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.internal.AttachmentRepository;
import org.borough.cases.internal.CaseRepository;
import org.borough.cases.internal.CaseRow;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.SystemProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to cases, stored under {@code <data dir>/attachments}. The type is decided by the
 * file's first bytes, not its name or the browser's claim, and must be an allowed one.
 */
@Service
public class CaseAttachments {

  private final AttachmentRepository attachments;
  private final CaseRepository cases;
  private final CasesProperties properties;
  private final AuditLog audit;
  private final Path root;
  private final Clock clock;

  CaseAttachments(
      AttachmentRepository attachments,
      CaseRepository cases,
      CasesProperties properties,
      SystemProperties system,
      AuditLog audit,
      Clock clock) {
    this.attachments = attachments;
    this.cases = cases;
    this.properties = properties;
    this.audit = audit;
    this.root = system.dataDir().resolve("attachments");
    this.clock = clock;
  }

  private static final String WRONG_TYPE = "The file must be a JPG, PNG, GIF, WebP or PDF";

  /**
   * Why a file would not be kept, or empty when it would: the same rules for every way files
   * arrive, so that a channel which must not fail on a bad file (an email's attachments) can leave
   * it out and say why, before anything is written.
   */
  public Optional<String> refusal(long size, byte[] firstBytes) {
    if (size <= 0) {
      return Optional.of("Choose a file to attach");
    }
    if (size > properties.attachmentMaxSize().toBytes()) {
      return Optional.of(
          "The file must be smaller than " + properties.attachmentMaxSize().toMegabytes() + " MB");
    }
    if (typeOf(firstBytes).filter(properties.attachmentTypes()::contains).isEmpty()) {
      return Optional.of(WRONG_TYPE);
    }
    return Optional.empty();
  }

  /** A file's bytes with its stored name and type. */
  public record Download(String filename, String contentType, long size, Path path) {}

  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public CaseView.Attachment add(CaseId caseId, String filename, long size, InputStream content) {
    CaseRow row = cases.find(caseId.value()).orElseThrow(() -> new NotFoundException("Case"));
    // The size first, from what the caller says: a file too big is refused unread.
    Optional<String> tooBig = refusal(size, null).filter(r -> !r.equals(WRONG_TYPE));
    if (tooBig.isPresent()) {
      throw InvalidInputException.of("file", tooBig.get());
    }
    try {
      byte[] bytes = content.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8));
      Optional<String> refused = refusal(size, bytes);
      if (refused.isPresent()) {
        throw InvalidInputException.of("file", refused.get());
      }
      String type = sniff(bytes).orElseThrow();
      UUID id = UUID.randomUUID();
      String key = row.id() + "/" + id;
      Path target = root.resolve(key);
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
      // Remove the file again if the transaction rolls back: no orphan bytes, no half-save.
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                try {
                  Files.deleteIfExists(target);
                } catch (IOException ignored) {
                  // best effort; the file has no row and is never served
                }
              }
            }
          });
      Instant now = clock.instant();
      CaseView.Attachment a =
          new CaseView.Attachment(
              id, safeName(filename), type, bytes.length, now, CaseManagement.actor());
      attachments.insert(a, row.id(), key);
      cases.addTimeline(
          row.id(),
          now,
          CaseManagement.actor(),
          "ATTACHMENT",
          false,
          null,
          null,
          "Attached " + a.filename());
      audit.record(
          AuditAction.UPDATE, CaseManagement.SUBJECT, row.id().toString(), "attachment added");
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a case's attachments: the rows now, the bytes once the transaction has committed (a
   * rollback keeps both). Returns how many there were.
   */
  int deleteAll(UUID caseId) {
    List<Path> files = attachments.deleteAll(caseId).stream().map(root::resolve).toList();
    if (!files.isEmpty()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              for (Path f : files) {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
          });
    }
    return files.size();
  }

  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional
  public Download download(CaseId caseId, UUID attachmentId) {
    var stored =
        attachments
            .find(attachmentId)
            .filter(s -> s.caseId().equals(caseId.value()))
            .orElseThrow(() -> new NotFoundException("Attachment"));
    audit.record(
        AuditAction.VIEW, CaseManagement.SUBJECT, caseId.toString(), "attachment " + attachmentId);
    var a = stored.attachment();
    return new Download(
        a.filename(), a.contentType(), a.sizeBytes(), root.resolve(stored.storageKey()));
  }

  /**
   * The type a file's first bytes say it is — JPEG, PNG, GIF, WebP or PDF — whatever its name or
   * the browser claims; empty for anything else. For forms that check a file before a case exists
   * (the resident portal); {@link #add} checks again against the allowed types.
   */
  public static Optional<String> typeOf(byte[] firstBytes) {
    return sniff(firstBytes == null ? new byte[0] : firstBytes);
  }

  /** The MIME type that a file's magic number says it is. */
  static Optional<String> sniff(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return Optional.of("image/gif");
    }
    if (starts(b, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && Arrays.equals(
            Arrays.copyOfRange(b, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("image/webp");
    }
    if (starts(b, '%', 'P', 'D', 'F', '-')) {
      return Optional.of("application/pdf");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The last path segment, without control characters, at most 200 characters. */
  static String safeName(String filename) {
    String name = filename == null ? "attachment" : filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "attachment";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
