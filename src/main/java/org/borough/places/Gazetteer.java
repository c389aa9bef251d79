// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.places.internal.GazetteerRepository;
import org.borough.system.Actors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.UkFormats;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's address gazetteer: addresses by postcode, by words or by UPRN, and loading the
 * council's file into it. Addresses are not personal data (they say where a building is, not who
 * lives there), so a lookup is not an audit entry; a load is.
 */
@Service
public class Gazetteer {

  /** The most addresses a lookup by words returns: enough to choose from, short enough to read. */
  public static final int MAX_MATCHES = 50;

  private static final int WORDS_USED = 6;

  /**
   * Addresses a lookup by words reads before it sorts and cuts to the few shown: more than anyone
   * reads, few enough to read at once.
   */
  private static final int CANDIDATES = 500;

  private final GazetteerRepository repository;
  private final GazetteerLoad.Factory loads;
  private final AuditLog audit;
  private final Clock clock;

  Gazetteer(
      GazetteerRepository repository, GazetteerLoad.Factory loads, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.loads = loads;
    this.audit = audit;
    this.clock = clock;
  }

  /** The current addresses at a postcode, in the order they stand in the street. */
  @PreAuthorize("hasAuthority('ADDRESS_LOOKUP')")
  @Transactional(readOnly = true)
  public List<Address> atPostcode(String postcode) {
    String normal =
        UkFormats.postcode(postcode)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "postcode", "Enter a full UK postcode, like SW1A 1AA"));
    List<Address> found = new ArrayList<>(repository.atPostcode(normal));
    found.sort(STREET_ORDER);
    return found;
  }

  /**
   * Current addresses that have every word typed: a number as typed ("12" is house 12, not 120),
   * other words or their starts ("acac" finds Acacia Road); at most {@code limit}, by postcode and
   * in street order within it.
   */
  @PreAuthorize("hasAuthority('ADDRESS_LOOKUP')")
  @Transactional(readOnly = true)
  public List<Address> search(String text, int limit) {
    List<String> words = AddressWords.of(text);
    if (words.isEmpty()) {
      throw InvalidInputException.of("q", "Enter part of an address, like 12 Acacia Road");
    }
    List<String> patterns =
        words.stream()
            .limit(WORDS_USED)
            .map(w -> w.chars().allMatch(Character::isDigit) ? w : w + "%")
            .toList();
    List<Address> found =
        new ArrayList<>(repository.current(repository.withWords(patterns, CANDIDATES)));
    found.sort(Comparator.comparing(Address::postcode).thenComparing(STREET_ORDER));
    return found.subList(0, Math.min(found.size(), Math.max(1, Math.min(limit, MAX_MATCHES))));
  }

  /** The address with this UPRN, current or retired. */
  @PreAuthorize("hasAuthority('ADDRESS_LOOKUP')")
  @Transactional(readOnly = true)
  public Address find(long uprn) {
    return repository.find(uprn).orElseThrow(() -> new NotFoundException("UPRN " + uprn));
  }

  /** The address with this UPRN, if the gazetteer holds it (for other modules' checks). */
  @Transactional(readOnly = true)
  public Optional<Address> lookup(long uprn) {
    return repository.find(uprn);
  }

  /** How many addresses are current. */
  @Transactional(readOnly = true)
  public long size() {
    return repository.current();
  }

  /** The latest loads, newest first. */
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Transactional(readOnly = true)
  public List<GazetteerRepository.Load> loads() {
    return repository.loads(20);
  }

  /**
   * Loads a gazetteer file ({@link GazetteerCsv}) as one change: all of it or, when the file cannot
   * be read or too much of it is wrong, none of it.
   *
   * @param source the file's name, for the history of loads
   */
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Transactional
  public LoadReport load(Reader csv, String source) {
    GazetteerCsv file;
    try {
      file = new GazetteerCsv(csv);
    } catch (GazetteerCsv.Unreadable e) {
      throw InvalidInputException.of("file", e.getMessage());
    }
    return run(file.changesOnly(), source, load -> readInto(file, load));
  }

  /** Loads addresses made by Borough itself (the demo borough's) as a whole gazetteer. */
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Transactional
  public LoadReport loadWhole(Iterable<Address> addresses, String source) {
    return run(
        false,
        source,
        load -> {
          int line = 1;
          for (Address a : addresses) {
            load.add(new GazetteerCsv.Row(++line, GazetteerCsv.Change.KEEP, a));
          }
        });
  }

  private interface Rows {
    void into(GazetteerLoad load);
  }

  private LoadReport run(boolean changesOnly, String source, Rows rows) {
    Instant started = clock.instant();
    GazetteerLoad load = loads.start(started);
    try {
      rows.into(load);
    } catch (GazetteerCsv.Unreadable e) {
      throw InvalidInputException.of("file", e.getMessage());
    }
    LoadReport report = load.finish(!changesOnly);
    if (report.refused()) {
      throw InvalidInputException.of("file", report.refusal());
    }
    repository.analyse();
    String by = Actors.current();
    String name = LoadReport.sourceName(source);
    repository.recordLoad(
        new GazetteerRepository.Load(
            UUID.randomUUID(),
            name,
            !changesOnly,
            by,
            started,
            clock.instant(),
            report.added(),
            report.changed(),
            report.retired(),
            report.unchanged(),
            report.rejected()));
    audit.record(
        AuditAction.UPDATE,
        "gazetteer",
        name,
        (changesOnly ? "change file" : "full load")
            + ": "
            + report.added()
            + " added, "
            + report.changed()
            + " changed, "
            + report.retired()
            + " retired, "
            + report.rejected()
            + " rejected");
    return report;
  }

  private static void readInto(GazetteerCsv file, GazetteerLoad load) {
    Optional<GazetteerCsv.Read> read;
    while ((read = file.next()).isPresent()) {
      if (read.get() instanceof GazetteerCsv.Row row) {
        load.add(row);
      } else {
        load.reject((GazetteerCsv.Rejection) read.get());
      }
    }
  }

  /**
   * Street order: by the street part ("Acacia Road" of "Flat 2, 12 Acacia Road"), then by house and
   * flat numbers as numbers, so 2 comes before 10.
   */
  static final Comparator<Address> STREET_ORDER =
      Comparator.comparing(
              (Address a) -> a.line2() == null ? a.line1() : a.line2(), NaturalOrder.TEXT)
          .thenComparing(Address::line1, NaturalOrder.TEXT);
}
