// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;
import org.borough.residents.Channel;
import org.borough.residents.NameSounds;
import org.borough.residents.ResidentManagement;
import org.borough.residents.Vulnerability;
import org.borough.system.DatabaseProducts;

/**
 * Residents with contact details, homes and a few vulnerability flags. Resident {@code i} is fixed
 * by the seed: its id, when it was registered and its home can be worked out from {@code i} alone,
 * which is how cases find their residents without holding a million of them in memory. Residents
 * are numbered in order of registration: three in five were on the system before the demo period,
 * the rest register through it.
 */
final class ResidentGenerator {

  private static final String[] LANGUAGES = {
    "Polish",
    "Bengali",
    "Turkish",
    "Somali",
    "Portuguese",
    "Romanian",
    "Spanish",
    "Urdu",
    "Yoruba",
    "Lithuanian",
    "Arabic",
    "Tamil",
    "Gujarati",
    "Twi",
    "British Sign Language"
  };
  private static final String[] ACCESSIBILITY = {
    "Large print letters",
    "Needs a British Sign Language interpreter",
    "Hard of hearing: prefers email or text",
    "Uses a wheelchair: needs step-free access",
    "Easy read documents",
    "Uses a screen reader",
    "Prefers calls in the morning"
  };
  private static final String[] VULNERABILITY_NOTES = {
    "Check with the safeguarding team before a home visit",
    "Do not send letters to the address; call the mobile only",
    "Prefers a named officer",
    "Access to the rear of the property is restricted",
    "Visit in pairs",
    "On a payment arrangement",
    "Recently bereaved; address letters to the resident only"
  };

  private final long seed;
  private final long total;
  private final Places places;
  private final Instant periodStart;
  private final Instant now;
  private final ZoneId zone;
  private final long existing;
  private final Instant firstRegistered;

  ResidentGenerator(
      long seed, long total, Places places, Instant periodStart, Instant now, ZoneId zone) {
    this.seed = seed;
    this.total = total;
    this.places = places;
    this.periodStart = periodStart;
    this.now = now;
    this.zone = zone;
    this.existing = total * 3 / 5;
    this.firstRegistered = periodStart.minus(Duration.ofDays(4 * 365));
  }

  long total() {
    return total;
  }

  UUID id(long i) {
    return Seeds.timeOrdered(seed, Seeds.RESIDENTS, i, registeredAt(i));
  }

  /** When resident {@code i} registered; never decreasing in {@code i}. */
  Instant registeredAt(long i) {
    double jitter = Seeds.unit(seed, Seeds.RESIDENT_TIMES, i);
    if (i < existing) {
      return interpolate(firstRegistered, periodStart, (i + jitter) / existing);
    }
    long later = total - existing;
    return interpolate(
        periodStart, now.minus(Duration.ofHours(1)), (i - existing + jitter) / later);
  }

  /** How many residents had registered by {@code at}: residents 0 to n - 1 may be used then. */
  long registeredBy(Instant at) {
    long n;
    if (at.isBefore(firstRegistered)) {
      return 0;
    } else if (at.isBefore(periodStart)) {
      n = (long) Math.floor(fraction(firstRegistered, periodStart, at) * existing);
    } else {
      n = existing + (long) Math.floor(fraction(periodStart, now, at) * (total - existing));
    }
    n = Math.min(n, total);
    while (n > 0 && registeredAt(n - 1).isAfter(at)) {
      n--;
    }
    return n;
  }

  /** The home resident {@code i} lives in; some homes have more than one resident. */
  Places.Home home(long i) {
    return places.home(
        Long.remainderUnsigned(Seeds.hash(seed, Seeds.RESIDENT_HOMES, i), places.homes()));
  }

  /** Writes residents {@code from} (inclusive) to {@code to} (exclusive). */
  void write(long chunk, long from, long to, Connection connection) throws SQLException {
    Random r = Seeds.random(seed, Seeds.RESIDENTS, chunk);
    boolean postgres = DatabaseProducts.isPostgres(connection);
    LocalDate today = LocalDate.ofInstant(now, zone);
    try (BulkInsert residents =
            new BulkInsert(
                connection,
                postgres,
                "resident",
                """
                id uuid, forename text, surname text, search_name text, date_of_birth date,
                preferred_channel text, preferred_language text, accessibility_needs text,
                created_at timestamptz, updated_at timestamptz, version integer,
                surname_sound text, surname_soundex text, forename_sound text
                """);
        BulkInsert emails =
            new BulkInsert(
                connection,
                postgres,
                "resident_email",
                "resident_id uuid, email text, search_name text");
        BulkInsert phones =
            new BulkInsert(
                connection,
                postgres,
                "resident_phone",
                "resident_id uuid, phone text, search_name text");
        BulkInsert addresses =
            new BulkInsert(
                connection,
                postgres,
                "resident_address",
                """
                id uuid, resident_id uuid, line1 text, line2 text, town text,
                postcode text, uprn bigint, ward_code text, is_primary boolean, search_name text
                """);
        BulkInsert flags =
            new BulkInsert(
                connection,
                postgres,
                "resident_vulnerability",
                "resident_id uuid, flag text, note text")) {
      for (long i = from; i < to; i++) {
        UUID id = id(i);
        String forename = People.forename(r);
        String surname = People.surname(r);
        LocalDate born = null;
        if (r.nextDouble() < 0.88) {
          int age = 18 + (int) (72 * Math.pow(r.nextDouble(), 1.3));
          born = today.minusYears(age).minusDays(r.nextInt(365));
        }
        Instant created = registeredAt(i);
        Instant updated = created;
        int version = 0;
        if (r.nextDouble() < 0.3) {
          long span = Math.max(1, Duration.between(created, now).getSeconds());
          updated = created.plusSeconds((long) (span * r.nextDouble()));
          version = 1;
        }
        String searchName = ResidentManagement.searchName(forename, surname);
        NameSounds.Keys sounds = NameSounds.of(forename, surname);
        residents.add(
            id,
            forename,
            surname,
            searchName,
            born,
            preferredChannel(r),
            r.nextDouble() < 0.1 ? LANGUAGES[r.nextInt(LANGUAGES.length)] : null,
            r.nextDouble() < 0.03 ? ACCESSIBILITY[r.nextInt(ACCESSIBILITY.length)] : null,
            created,
            updated,
            version,
            sounds.surname(),
            sounds.surnameSoundex(),
            sounds.forename());
        if (r.nextDouble() < 0.8) {
          emails.add(id, People.email(forename, surname, i + 1, r), searchName);
        }
        double p = r.nextDouble();
        if (p < 0.72) {
          phones.add(id, People.mobile(r), searchName);
        } else if (p < 0.85) {
          phones.add(id, People.landline(r), searchName);
        } else if (p < 0.93) {
          String mobile = People.mobile(r);
          String landline = People.landline(r);
          phones.add(id, mobile, searchName);
          phones.add(id, landline, searchName);
        }
        Places.Home home = home(i);
        addresses.add(
            Seeds.timeOrdered(seed, Seeds.ADDRESSES, 2 * i, created),
            id,
            home.line1(),
            home.line2(),
            Places.TOWN,
            home.postcode(),
            home.uprn(),
            home.wardCode(places),
            true,
            searchName);
        if (r.nextDouble() < 0.02) {
          Places.Home old = places.home(r.nextLong(places.homes()));
          addresses.add(
              Seeds.timeOrdered(seed, Seeds.ADDRESSES, 2 * i + 1, created),
              id,
              old.line1(),
              old.line2(),
              Places.TOWN,
              old.postcode(),
              old.uprn(),
              old.wardCode(places),
              false,
              searchName);
        }
        if (r.nextDouble() < 0.025) {
          Vulnerability.Kind[] kinds = Vulnerability.Kind.values();
          int k = r.nextInt(kinds.length);
          flags.add(id, kinds[k].name(), VULNERABILITY_NOTES[k % VULNERABILITY_NOTES.length]);
        }
      }
      // Residents go first: the other tables point at them.
      residents.flush();
      emails.flush();
      phones.flush();
      addresses.flush();
      flags.flush();
    }
  }

  private static String preferredChannel(Random r) {
    double p = r.nextDouble();
    if (p < 0.45) {
      return null;
    }
    Channel c =
        p < 0.64
            ? Channel.EMAIL
            : p < 0.80
                ? Channel.PHONE
                : p < 0.91
                    ? Channel.WEB
                    : p < 0.95 ? Channel.LETTER : p < 0.98 ? Channel.APP : Channel.FACE_TO_FACE;
    return c.name();
  }

  private static Instant interpolate(Instant from, Instant to, double fraction) {
    long span = Duration.between(from, to).getSeconds();
    return from.plusSeconds((long) (span * Math.min(1, Math.max(0, fraction))));
  }

  private static double fraction(Instant from, Instant to, Instant at) {
    double span = Duration.between(from, to).getSeconds();
    return span <= 0 ? 1 : Duration.between(from, at).getSeconds() / span;
  }
}
