// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseWords;
import org.borough.system.LikePatterns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The words cases are found by ({@code case_word}, ADR 0024), written in the transaction that
 * writes the case, and the search over them.
 */
@Repository
public class CaseWordIndex {

  /** A word matched by more cases than this is common: see {@link #search}. */
  static final int FEW = 2_000;

  private final JdbcClient jdbc;

  CaseWordIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Indexes a new case, in one statement. */
  public void add(UUID caseId, Collection<String> words) {
    if (words.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (String w : words) {
      rows.append(rows.isEmpty() ? "(?, ?)" : ", (?, ?)");
      params.add(w);
      params.add(caseId);
    }
    jdbc.sql("insert into case_word (word, case_id) values " + rows).params(params).update();
  }

  /** Replaces a case's words: its address changed, or it was anonymised. */
  public void replace(UUID caseId, Collection<String> words) {
    jdbc.sql("delete from case_word where case_id = ?").param(caseId).update();
    add(caseId, words);
  }

  /**
   * Cases having, for each of {@code words}, an indexed word that starts with it; newest first,
   * after the keyset (openedAt, id) when given.
   *
   * <p>Two ways, chosen by what the words match rather than by the planner's estimates (which for
   * prefixes of words repeated millions of times were wrong by twenty times, and a wrong guess cost
   * seconds): when some word starts the words of at most {@link #FEW} cases, those cases are read
   * off the word index, the others' words checked on the index by case, and only the matches read
   * and sorted; when every word is that common, cases are read newest first and each checked, which
   * finds a page soon because every word is common.
   */
  public List<CaseRow> search(List<String> words, Instant afterOpened, UUID afterId, int limit) {
    return search(words, afterOpened, afterId, limit, FEW);
  }

  /** As {@link #search(List, Instant, UUID, int)}, with the threshold given (tests use 0). */
  List<CaseRow> search(List<String> words, Instant afterOpened, UUID afterId, int limit, int few) {
    List<UUID> fewest = null;
    String driver = null;
    for (String w : words) {
      List<UUID> ids = casesStarting(w, few + 1);
      if (ids.size() <= few && (fewest == null || ids.size() < fewest.size())) {
        fewest = ids;
        driver = w;
      }
    }
    if (fewest == null) {
      return newestFirst(words, afterOpened, afterId, limit);
    }
    Set<UUID> matches = new HashSet<>(fewest);
    for (String w : words) {
      if (!w.equals(driver) && !matches.isEmpty()) {
        matches.retainAll(
            jdbc.sql("select case_id from case_word where case_id in (:ids) and word like :word")
                .param("ids", matches)
                .param("word", LikePatterns.literal(w) + "%")
                .query(UUID.class)
                .list());
      }
    }
    if (matches.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + CaseRepository.COLUMNS
                + " from service_case where id in (:ids)"
                + (afterOpened == null ? "" : " and (opened_at, id) < (:opened, :after)")
                + " order by opened_at desc, id desc fetch first :limit rows only")
        .param("ids", matches)
        .param("opened", afterOpened == null ? null : Timestamp.from(afterOpened))
        .param("after", afterId)
        .param("limit", limit)
        .query((rs, i) -> CaseRepository.row(rs))
        .list();
  }

  /** A word's cases straight off the prefix index, at most {@code max}. */
  private List<UUID> casesStarting(String word, int max) {
    return jdbc.sql("select case_id from case_word where word like ? fetch first ? rows only")
        .params(LikePatterns.literal(word) + "%", max)
        .query(UUID.class)
        .list();
  }

  private List<CaseRow> newestFirst(
      List<String> words, Instant afterOpened, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("select " + CaseRepository.COLUMNS + " from service_case c where 1 = 1");
    List<Object> params = new ArrayList<>();
    for (String w : words) {
      sql.append(
          " and exists (select 1 from case_word w where w.case_id = c.id and w.word like ?)");
      params.add(LikePatterns.literal(w) + "%");
    }
    if (afterOpened != null) {
      sql.append(" and (c.opened_at, c.id) < (?, ?)");
      params.add(Timestamp.from(afterOpened));
      params.add(afterId);
    }
    sql.append(" order by c.opened_at desc, c.id desc fetch first ? rows only");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query((rs, i) -> CaseRepository.row(rs)).list();
  }

  /** For the words a new or changed case is indexed by. */
  public static List<String> wordsOf(CaseRow c) {
    return List.copyOf(CaseWords.of(c.reference(), c.description(), c.address()));
  }
}
