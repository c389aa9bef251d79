// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The words cases are found by ({@code case_word}, ADR 0024), written in the transaction that
 * writes the case, and the search over them.
 */
@Repository
public class CaseWordIndex {

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
   */
  public List<CaseRow> search(List<String> words, Instant afterOpened, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("select " + CaseRepository.COLUMNS + " from service_case c where 1 = 1");
    List<Object> params = new ArrayList<>();
    for (String w : words) {
      sql.append(" and c.id in (select w.case_id from case_word w where w.word like ?)");
      params.add(escapeLike(w) + "%");
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

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** For the words a new or changed case is indexed by. */
  public static List<String> wordsOf(CaseRow c) {
    return List.copyOf(CaseWords.of(c.reference(), c.description(), c.address()));
  }
}
