// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.internal.CaseRow;
import org.borough.cases.internal.CaseWordIndex;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases by part of their reference, their address or postcode, or words of their description
 * (ADR 0024): every word typed must start a word of the case. Newest first, a page at a time, no
 * count. Each search is audited with what was typed, as resident searches are.
 */
@Service
public class CaseSearch {

  public static final int PAGE_SIZE = 25;
  private static final int EXCERPT = 120;

  /** A case found, with where it is and the start of what was reported. */
  public record Match(CaseSummary summary, String address, String excerpt) {}

  /** A page of cases found and the cursor to the next (null at the end). */
  public record Page(List<String> words, List<Match> cases, String next) {}

  private final CaseWordIndex index;
  private final CaseManagement management;
  private final AuditLog audit;
  private final Clock clock;

  CaseSearch(CaseWordIndex index, CaseManagement management, AuditLog audit, Clock clock) {
    this.index = index;
    this.management = management;
    this.audit = audit;
    this.clock = clock;
  }

  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional
  public Page find(String query, String after) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      throw InvalidInputException.of(
          "q", "Enter a reference, a postcode, an address or words from the description");
    }
    if (q.length() > 200) {
      throw InvalidInputException.of("q", "Search must be 200 characters or fewer");
    }
    List<String> words = CaseWords.query(q);
    if (words.isEmpty()) {
      throw InvalidInputException.of(
          "q", "Enter at least one word of 2 or more letters or digits that is not 'the' or 'and'");
    }
    Instant afterOpened = null;
    UUID afterId = null;
    if (after != null && !after.isBlank()) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("/", 2);
        afterOpened = Instant.parse(parts[0]);
        afterId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        throw InvalidInputException.of("after", "The page link is not valid; search again");
      }
    }
    List<CaseRow> rows = index.search(words, afterOpened, afterId, PAGE_SIZE + 1);
    audit.record(AuditAction.SEARCH, CaseManagement.SUBJECT, "*", "by words: " + q);
    String next = null;
    if (rows.size() > PAGE_SIZE) {
      rows = rows.subList(0, PAGE_SIZE);
      CaseRow last = rows.get(PAGE_SIZE - 1);
      next =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString((last.openedAt() + "/" + last.id()).getBytes(StandardCharsets.UTF_8));
    }
    Instant now = clock.instant();
    List<Match> found =
        rows.stream()
            .map(r -> new Match(management.summary(r, now), r.address(), excerpt(r.description())))
            .toList();
    return new Page(words, found, next);
  }

  private static String excerpt(String description) {
    String flat = description == null ? "" : description.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).strip() + "…";
  }
}
