// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.Ward;
import org.borough.places.internal.GazetteerRepository;
import org.borough.system.Sha256;
import org.springframework.stereotype.Component;

/**
 * One load of the gazetteer in progress: rows are compared with what is stored a thousand at a
 * time, and only new and changed addresses are written. A full load then retires every current
 * address it did not see. It holds only the UPRNs seen (a few megabytes for half a million), never
 * the file.
 */
final class GazetteerLoad {

  static final int BATCH = 1000;

  /**
   * Above this share of rejected rows the file is taken for the wrong one (another layout, another
   * council's) and nothing is loaded; below it, the good rows load and the bad are reported.
   */
  static final double MOST_REJECTED = 0.05;

  /** Rejections a load accepts whatever the share: a small file with one typo still loads. */
  static final int FEW_REJECTED = 10;

  /** Makes a load with the wards Borough knows at its start. */
  @Component
  static class Factory {
    private final GazetteerRepository repository;
    private final ServiceCatalogue catalogue;
    private final WardBoundaries boundaries;

    Factory(GazetteerRepository repository, ServiceCatalogue catalogue, WardBoundaries boundaries) {
      this.repository = repository;
      this.catalogue = catalogue;
      this.boundaries = boundaries;
    }

    GazetteerLoad start(Instant at) {
      Set<String> wards = catalogue.wards().stream().map(Ward::gssCode).collect(Collectors.toSet());
      return new GazetteerLoad(repository, wards, boundaries, at);
    }
  }

  private final GazetteerRepository repository;
  private final Set<String> wards;
  private final WardBoundaries boundaries;
  private final Instant at;
  private final List<GazetteerCsv.Row> pending = new ArrayList<>(BATCH);
  private final Set<Long> seen = new HashSet<>();
  private final List<LoadReport.Problem> problems = new ArrayList<>();
  private int added;
  private int changed;
  private int retired;
  private int unchanged;
  private int rejected;
  private int unknownWards;
  private int outsideArea;
  private int rows;

  private GazetteerLoad(
      GazetteerRepository repository, Set<String> wards, WardBoundaries boundaries, Instant at) {
    this.repository = repository;
    this.wards = wards;
    this.boundaries = boundaries;
    this.at = at;
  }

  void add(GazetteerCsv.Row row) {
    rows++;
    if (!seen.add(row.address().uprn())) {
      problem(
          new GazetteerCsv.Rejection(
              row.line(), row.address().uprn(), "its UPRN is on an earlier line of the file too"));
      return;
    }
    pending.add(row);
    if (pending.size() == BATCH) {
      flush();
    }
  }

  void reject(GazetteerCsv.Rejection rejection) {
    rows++;
    problem(rejection);
  }

  private void problem(GazetteerCsv.Rejection rejection) {
    rejected++;
    if (rejection.uprn() != null) {
      seen.add(rejection.uprn()); // a full load does not retire an address it could not read
    }
    if (problems.size() < LoadReport.SHOWN) {
      problems.add(new LoadReport.Problem(rejection.line(), rejection.uprn(), rejection.reason()));
    }
  }

  /**
   * Writes what is left and, for a full load, retires what the file did not hold; the report says
   * why nothing should be kept when the file looks wrong (the caller's transaction then undoes it).
   */
  LoadReport finish(boolean whole) {
    flush();
    String refusal = null;
    if (rejected > FEW_REJECTED && rejected > rows * MOST_REJECTED) {
      refusal =
          rejected
              + " of "
              + rows
              + " rows could not be loaded, so nothing was (is it the right file?). The first: line "
              + problems.get(0).line()
              + ", "
              + problems.get(0).reason();
    } else if (whole && added + changed + unchanged == 0) {
      refusal = "The file holds no addresses: loading it would retire every address";
    } else if (whole) {
      retired += repository.retireAllBut(seen, at);
    }
    return new LoadReport(
        added, changed, retired, unchanged, rejected, unknownWards, outsideArea, problems, refusal);
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Long> gone = new ArrayList<>();
    List<Address> kept = new ArrayList<>(pending.size());
    for (GazetteerCsv.Row row : pending) {
      if (row.change() == GazetteerCsv.Change.RETIRE) {
        gone.add(row.address().uprn());
      } else {
        kept.add(knownWard(row.address()));
      }
    }
    pending.clear();
    retired += repository.retire(gone, at);
    Map<Long, GazetteerRepository.Stored> stored =
        repository.stored(kept.stream().map(Address::uprn).toList());
    Batch inserts = new Batch();
    Batch updates = new Batch();
    for (Address a : kept) {
      String fingerprint = fingerprint(a);
      GazetteerRepository.Stored now = stored.get(a.uprn());
      if (now == null) {
        inserts.add(a, fingerprint);
      } else if (now.fingerprint().equals(fingerprint) && !now.retired()) {
        unchanged++;
      } else {
        updates.add(a, fingerprint);
      }
    }
    if (!inserts.addresses.isEmpty()) {
      repository.insert(inserts.addresses, inserts.fingerprints, inserts.words, at);
      added += inserts.addresses.size();
    }
    if (!updates.addresses.isEmpty()) {
      repository.update(updates.addresses, updates.fingerprints, updates.words, at);
      changed += updates.addresses.size();
    }
  }

  /**
   * The address with its ward: from its point where the council has loaded ward boundaries (not
   * from what the file says), else the file's when Borough knows that ward.
   */
  private Address knownWard(Address a) {
    Placement placed = boundaries.at(a.latitude(), a.longitude());
    if (placed.known()) {
      outsideArea += placed.outside() ? 1 : 0;
      return a.withWard(placed.wardCode());
    }
    if (a.wardCode() == null || wards.contains(a.wardCode())) {
      return a;
    }
    unknownWards++;
    return a.withWard(null);
  }

  /** Every stored field, so that any change to one makes a different fingerprint. */
  static String fingerprint(Address a) {
    return Sha256.hex(
        String.join(
            "\u001f",
            String.valueOf(a.usrn()),
            a.line1(),
            String.valueOf(a.line2()),
            a.town(),
            a.postcode(),
            plain(a.latitude()),
            plain(a.longitude()),
            plain(a.easting()),
            plain(a.northing()),
            String.valueOf(a.classification()),
            String.valueOf(a.wardCode())));
  }

  private static String plain(BigDecimal d) {
    return d == null ? "null" : d.stripTrailingZeros().toPlainString();
  }

  private static final class Batch {
    final List<Address> addresses = new ArrayList<>();
    final List<String> fingerprints = new ArrayList<>();
    final List<List<String>> words = new ArrayList<>();

    void add(Address a, String fingerprint) {
      addresses.add(a);
      fingerprints.add(fingerprint);
      words.add(AddressWords.of(a));
    }
  }
}
