// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The words cases are found by ({@code case_word}, ADR 0024), each beside its case's opening time
 * so that a word's cases can be read newest first straight off the index, written in the
 * transaction that writes the case; and the search over them.
 */
@Repository
public class CaseWordIndex {

  /** Cases of a word read to judge how common it is of late: see {@link #search}. */
  static final int SAMPLE = 256;

  /** Different words a search word may start and still be read word by word, newest first. */
  static final int SPREAD = 30;

  private final JdbcClient jdbc;

  CaseWordIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Indexes a new case, in one statement. */
  public void add(UUID caseId, Instant openedAt, Collection<String> words) {
    if (words.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    Timestamp opened = Timestamp.from(openedAt);
    for (String w : words) {
      rows.append(rows.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
      params.add(w);
      params.add(opened);
      params.add(caseId);
    }
    jdbc.sql("insert into case_word (word, opened_at, case_id) values " + rows)
        .params(params)
        .update();
  }

  /** Replaces a case's words: its address changed, or it was anonymised. */
  public void replace(UUID caseId, Instant openedAt, Collection<String> words) {
    jdbc.sql("delete from case_word where case_id = ?").param(caseId).update();
    add(caseId, openedAt, words);
  }

  /**
   * Cases having, for each of {@code words}, an indexed word that starts with it; newest first,
   * after the keyset (openedAt, id) when given.
   *
   * <p>One word leads: its cases are read and checked for the others. It is the word rarest of
   * late, judged on the index by how far back its {@link #SAMPLE} newest cases reach, because cases
   * are read newest first: 'laurel' (38,000 cases) leads 'outside 109 laurel terrace', not
   * 'outside' (420,000). Counting every word's rows would cost more than the search (a tenth of a
   * second for 'outside'), and the planner's estimates for prefixes were wrong by twenty times.
   *
   * <ul>
   *   <li>When the lead starts the words of fewer than {@link #SAMPLE} cases, those are read, the
   *       other words checked on the index by case, and only the matches read and sorted.
   *   <li>Otherwise each of the different words the lead starts ('laurel'; or 'pothole' and
   *       'potholes') has its cases read newest first off the index, merged, and checked for the
   *       other words until a page is found.
   *   <li>A word starting more than {@link #SPREAD} different words ('12', 'se1') cannot lead; when
   *       every word is like that, cases are read newest first and each checked.
   * </ul>
   */
  public List<CaseRow> search(List<String> words, Instant afterOpened, UUID afterId, int limit) {
    return search(words, afterOpened, afterId, limit, SAMPLE, SPREAD, HOLD_AFTER);
  }

  /**
   * As {@link #search(List, Instant, UUID, int)}, with the thresholds given. Tests choose each way
   * with 0; with a sample of 0 the first word that can lead does.
   */
  List<CaseRow> search(
      List<String> words,
      Instant afterOpened,
      UUID afterId,
      int limit,
      int sample,
      int spreadMax,
      int holdAfter) {
    // How common a word is of late: its newest cases, up to the sample, and the oldest of them.
    record Judged(String word, List<String> spread, int newest, Instant reach) {}
    List<Judged> leads = new ArrayList<>();
    for (String w : words) {
      List<String> spread = wordsStarting(w, spreadMax + 1);
      if (spread.isEmpty()) {
        return List.of(); // no case has a word starting so
      }
      if (spread.size() <= spreadMax) {
        List<Instant> newest = newestOpenings(spread, sample);
        leads.add(
            new Judged(
                w, spread, newest.size(), newest.isEmpty() ? null : newest.get(newest.size() - 1)));
      }
    }
    if (leads.isEmpty()) {
      return newestFirst(words, afterOpened, afterId, limit);
    }
    // Fewest cases first; among words with a full sample, the one whose sample reaches furthest
    // back.
    leads.sort(
        Comparator.comparingInt(Judged::newest)
            .thenComparing(Judged::reach, Comparator.nullsFirst(Comparator.naturalOrder())));
    Judged lead = leads.get(0);
    List<String> others = words.stream().filter(w -> !w.equals(lead.word())).toList();
    if (lead.newest() < sample) {
      return fromRarest(lead.word(), others, afterOpened, afterId, limit);
    }
    return cases(newestOf(lead.spread(), others, afterOpened, afterId, limit, holdAfter));
  }

  /** The openings of the newest {@code max} cases having one of {@code words}, newest first. */
  private List<Instant> newestOpenings(List<String> words, int max) {
    List<Instant> newest = new ArrayList<>();
    if (max == 0) {
      return newest;
    }
    for (String w : words) {
      newest.addAll(
          jdbc.sql(
                  "select opened_at from case_word where word = ? order by opened_at desc, case_id"
                      + " desc fetch first ? rows only")
              .params(w, max)
              .query((rs, i) -> rs.getTimestamp(1).toInstant())
              .list());
    }
    newest.sort(Comparator.reverseOrder());
    return newest.size() > max ? newest.subList(0, max) : newest;
  }

  /** The rarest word's few cases, checked for the others on the index, sorted. */
  private List<CaseRow> fromRarest(
      String rarest, List<String> others, Instant afterOpened, UUID afterId, int limit) {
    Set<UUID> matches =
        havingAll(
            jdbc.sql("select distinct case_id from case_word where word >= ? and word < ?")
                .params(rarest, past(rarest))
                .query(UUID.class)
                .list(),
            others);
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

  /**
   * The different indexed words starting with {@code word}, at most {@code max}, each found with
   * one step along the index rather than by reading every row of a common prefix.
   */
  private List<String> wordsStarting(String word, int max) {
    return jdbc.sql(
            """
            with recursive spread (word, n) as (
              select min(word), 1 from case_word where word >= ? and word < ?
              union all
              select (select min(w.word) from case_word w where w.word > s.word and w.word < ?),
                s.n + 1
              from spread s where s.word is not null and s.n < ?
            )
            select word from spread where word is not null""")
        .params(word, past(word), past(word), max)
        .query(String.class)
        .list();
  }

  /** A case as one of its words holds it: where it stands newest first. */
  private record Posting(Instant opened, UUID caseId) {}

  /**
   * The order of the pages, newest first, ties by id, largest first; ids compared unsigned, as both
   * databases compare them.
   */
  private static final Comparator<Posting> NEWEST_FIRST =
      Comparator.comparing(Posting::opened, Comparator.reverseOrder())
          .thenComparing(
              (a, b) -> {
                int high =
                    Long.compareUnsigned(
                        b.caseId().getMostSignificantBits(), a.caseId().getMostSignificantBits());
                return high != 0
                    ? high
                    : Long.compareUnsigned(
                        b.caseId().getLeastSignificantBits(), a.caseId().getLeastSignificantBits());
              });

  /** The most cases of one word read at a time. */
  private static final int MAX_BATCH = 10_000;

  /**
   * The most rows of a word read at once to check it in memory: a house number's, not a common
   * word's ('109' starts 26,000 rows at 2M cases; 'outside' 420,000).
   */
  private static final int HELD = 50_000;

  /**
   * Cases still to check, at the rate found so far, beyond which a word's cases are held rather
   * than each case checked on the index (a check costs about a hundredth of a millisecond; holding
   * 26,000 cases, twenty).
   */
  private static final int HOLD_AFTER = 2_000;

  /** Cases checked for the other words in one statement. */
  private static final int CHECK_BATCH = 1_000;

  /**
   * The newest cases having one of {@code spread} and a word starting with each of {@code others},
   * at most {@code limit}, newest first.
   *
   * <p>Each spread word's cases are read newest first off the index, a batch at a time, and merged
   * here rather than by one statement, whose plan the planner chose by estimates (at 2M cases it
   * sorted all 125,000 cases of 'pothole' in parallel to show 25). A merged case is certain only as
   * far as every word that filled its batch has been read: the rest waits for the next, larger
   * batch. A case having two of the words comes once.
   */
  private List<UUID> newestOf(
      List<String> spread,
      List<String> others,
      Instant afterOpened,
      UUID afterId,
      int limit,
      int holdAfter) {
    List<UUID> found = new ArrayList<>();
    Posting from = afterOpened == null ? null : new Posting(afterOpened, afterId);
    int batch = limit * 4;
    List<String> checks = new ArrayList<>(others);
    Map<String, Set<UUID>> held = new HashMap<>(); // a word's cases, all read
    boolean holdTried = false; // once: a word with too many cases is not read again each batch
    int examined = 0;
    boolean ordered = others.size() < 2;
    while (found.size() < limit) {
      List<Posting> read = new ArrayList<>();
      Posting certain = null; // how far every full batch reaches: nothing after it is certain
      for (String w : spread) {
        List<Posting> rows = postings(w, from, batch);
        read.addAll(rows);
        Posting last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (rows.size() == batch && (certain == null || NEWEST_FIRST.compare(last, certain) < 0)) {
          certain = last;
        }
      }
      read.sort(NEWEST_FIRST);
      List<Posting> candidates = new ArrayList<>();
      for (Posting p : read) {
        if (certain != null && NEWEST_FIRST.compare(p, certain) > 0) {
          break;
        }
        if (candidates.isEmpty() || !candidates.get(candidates.size() - 1).equals(p)) {
          candidates.add(p);
        }
      }
      List<UUID> ids = candidates.stream().map(Posting::caseId).toList();
      Set<UUID> matching;
      if (!ordered) {
        // The first batch is checked for each word, so later batches check the word the fewest
        // cases pass first ('109' before 'outside' in 'outside 109 laurel terrace') and the others
        // only on those that pass it.
        Map<String, Set<UUID>> passing = new HashMap<>();
        matching = new HashSet<>(ids);
        for (String w : checks) {
          passing.put(w, having(ids, w));
          matching.retainAll(passing.get(w));
        }
        checks.sort(Comparator.comparingInt(w -> passing.get(w).size()));
        ordered = true;
      } else {
        matching = havingAll(ids, checks, held);
      }
      for (Posting p : candidates) {
        if (found.size() < limit && matching.contains(p.caseId())) {
          found.add(p.caseId());
        }
      }
      if (certain == null) {
        break; // every word's cases have been read
      }
      examined += candidates.size();
      long toExamine = (long) (limit - found.size()) * examined / Math.max(found.size(), 1);
      if (!holdTried && !checks.isEmpty() && toExamine > holdAfter) {
        holdTried = true;
        // The words are rare together: at this rate thousands more cases would each be checked on
        // the index. Hold the cases of the word fewest passed, when they are not too many, and
        // check it here.
        allCases(checks.get(0)).ifPresent(all -> held.put(checks.get(0), all));
      }
      from = candidates.get(candidates.size() - 1);
      batch = Math.min(batch * 2, MAX_BATCH);
    }
    return found;
  }

  /** A word's cases newest first, after {@code from} when given, at most {@code max}. */
  private List<Posting> postings(String word, Posting from, int max) {
    String after = from == null ? "" : " and (opened_at, case_id) < (?, ?)";
    List<Object> params = new ArrayList<>();
    params.add(word);
    if (from != null) {
      params.add(Timestamp.from(from.opened()));
      params.add(from.caseId());
    }
    params.add(max);
    return jdbc.sql(
            "select opened_at, case_id from case_word where word = ?"
                + after
                + " order by opened_at desc, case_id desc fetch first ? rows only")
        .params(params)
        .query((rs, i) -> new Posting(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class)))
        .list();
  }

  /** Those of {@code ids} having, for each of {@code words}, a word starting with it. */
  private Set<UUID> havingAll(List<UUID> ids, List<String> words) {
    return havingAll(ids, words, Map.of());
  }

  /** As {@link #havingAll(List, List)}, checking the words held here without the index. */
  private Set<UUID> havingAll(List<UUID> ids, List<String> words, Map<String, Set<UUID>> held) {
    Set<UUID> having = new HashSet<>(ids);
    for (String w : words) {
      if (having.isEmpty()) {
        break;
      }
      if (held.containsKey(w)) {
        having.retainAll(held.get(w));
      } else {
        having = having(List.copyOf(having), w);
      }
    }
    return having;
  }

  /** Every case having a word starting with {@code word}, unless there are more than HELD. */
  private Optional<Set<UUID>> allCases(String word) {
    List<UUID> ids =
        jdbc.sql(
                "select case_id from case_word where word >= ? and word < ? fetch first ? rows only")
            .params(word, past(word), HELD + 1)
            .query(UUID.class)
            .list();
    return ids.size() > HELD ? Optional.empty() : Optional.of(new HashSet<>(ids));
  }

  /** Those of {@code ids} having a word starting with {@code word}. */
  private Set<UUID> having(List<UUID> ids, String word) {
    Set<UUID> with = new HashSet<>();
    for (int i = 0; i < ids.size(); i += CHECK_BATCH) {
      with.addAll(
          // One array, not a thousand placeholders: the statement is the same text every time,
          // so it is parsed and planned once, not once a batch.
          jdbc.sql(
                  "select case_id from case_word where case_id = any(?) and word >= ? and word < ?")
              .params(
                  ids.subList(i, Math.min(ids.size(), i + CHECK_BATCH)).toArray(UUID[]::new),
                  word,
                  past(word))
              .query(UUID.class)
              .list());
    }
    return with;
  }

  /** The cases with these ids, newest first. */
  private List<CaseRow> cases(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + CaseRepository.COLUMNS
                + " from service_case where id in (:ids) order by opened_at desc, id desc")
        .param("ids", ids)
        .query((rs, i) -> CaseRepository.row(rs))
        .list();
  }

  private List<CaseRow> newestFirst(
      List<String> words, Instant afterOpened, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder("select " + CaseRepository.COLUMNS + " from service_case c where 1 = 1");
    List<Object> params = new ArrayList<>();
    for (String w : words) {
      sql.append(
          " and exists (select 1 from case_word w where w.case_id = c.id and w.word >= ? and"
              + " w.word < ?)");
      params.add(w);
      params.add(past(w));
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

  /**
   * The least string after every word starting with {@code prefix}: words are only a-z and 0-9
   * ({@link CaseWords}), all before '{', so {@code word >= prefix and word < past(prefix)} is
   * exactly the words starting with it. A range, not {@code like ?}: PostgreSQL's plan for a
   * prepared {@code like ?}, once it stops planning each call afresh, cannot know the prefix and
   * reads the whole index (2 s a search at 2M cases).
   */
  static String past(String prefix) {
    return prefix + "{";
  }

  /** For the words a new or changed case is indexed by. */
  public static List<String> wordsOf(CaseRow c) {
    return List.copyOf(CaseWords.of(c.reference(), c.description(), c.address()));
  }
}
