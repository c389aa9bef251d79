// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.system.Errors;
import org.borough.system.RandomTokens;
import org.borough.system.Sha256;
import org.borough.system.ShortMemory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications allowed to post to Open311, each with its own API key. A key is 256 random bits
 * shown once; only its SHA-256 is stored, which is enough for a key of full entropy.
 */
@Service
class Open311Clients {

  static final String PREFIX = "o311_";
  static final String SUBJECT = "open311_client";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,49}");

  /**
   * A client application; {@code revokedAt} set means its key no longer works. Its key may post
   * updates only to the requests it raised itself, unless an admin granted {@code canUpdateOthers}.
   * It may report to, and update requests of, only the {@code services} an admin limited it to;
   * none means every active service.
   */
  record Client(
      UUID id,
      String name,
      String contact,
      String jurisdictionId,
      Instant createdAt,
      String createdBy,
      Instant lastUsedAt,
      Instant revokedAt,
      boolean canUpdateOthers,
      SortedSet<String> services) {

    Client {
      services = Collections.unmodifiableSortedSet(new TreeSet<>(services));
    }

    /** Who the audit log and case timelines say did it. */
    String principal() {
      return "open311:" + name;
    }

    /** Whether this key may report to, and update requests of, the service {@code code}. */
    boolean serves(String code) {
      return services.isEmpty() || services.contains(code);
    }

    Client withServices(SortedSet<String> codes) {
      return new Client(
          id,
          name,
          contact,
          jurisdictionId,
          createdAt,
          createdBy,
          lastUsedAt,
          revokedAt,
          canUpdateOthers,
          codes);
    }
  }

  /** A newly issued client and its key, which is shown once and never again. */
  record Issued(Client client, String key) {}

  static final Duration REMEMBER = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ServiceCatalogue catalogue;
  private final Clock clock;
  private final ShortMemory<String, Client> recent;

  Open311Clients(
      JdbcClient jdbc,
      AuditLog audit,
      ApplicationEventPublisher events,
      ServiceCatalogue catalogue,
      Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.catalogue = catalogue;
    this.clock = clock;
    this.recent = new ShortMemory<>(REMEMBER, clock);
  }

  /**
   * Issues a key to a new client application.
   *
   * @throws org.borough.system.InvalidInputException for each field that is wrong
   */
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional
  public Issued issue(String name, String contact, String jurisdictionId) {
    String key = PREFIX + RandomTokens.urlSafe(32);
    return new Issued(create(name, contact, jurisdictionId, key), key);
  }

  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional
  public boolean revoke(UUID id) {
    Instant now = clock.instant();
    boolean revoked =
        jdbc.sql("update open311_client set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), id)
                .update()
            == 1;
    if (revoked) {
      recent.forget();
      audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "API key revoked");
      events.publishEvent(new Open311ClientRevoked(id, now));
    }
    return revoked;
  }

  /**
   * Lets a client's key post updates to, and close, requests other applications, the portal or
   * staff raised (or takes that away). Audited.
   *
   * @return false when there is no such client or it already had that grant
   */
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional
  public boolean allowUpdatingOthers(UUID id, boolean allowed) {
    boolean changed =
        jdbc.sql(
                    "update open311_client set can_update_others = ? where id = ?"
                        + " and can_update_others <> ?")
                .params(allowed, id, allowed)
                .update()
            == 1;
    if (changed) {
      recent.forget();
      audit.record(
          AuditAction.UPDATE,
          SUBJECT,
          id.toString(),
          allowed
              ? "granted: may update requests other applications raised"
              : "withdrawn: may update only its own requests");
    }
    return changed;
  }

  /**
   * Limits a client's key to these services (codes from the catalogue), or, with none, lets it
   * report to every active service again. Audited.
   *
   * @return false when there is no such client
   * @throws org.borough.system.InvalidInputException naming each code the catalogue does not have
   */
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional
  public boolean limitToServices(UUID id, Collection<String> codes) {
    SortedSet<String> chosen = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      String c = code == null ? "" : code.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (catalogue.find(c).isEmpty()) {
        unknown.add("'" + Open311Gateway.clip(c) + "'");
      }
      chosen.add(c);
    }
    if (!unknown.isEmpty()) {
      new Errors()
          .reject(
              "services",
              "Choose services from the catalogue: "
                  + String.join(", ", unknown.stream().limit(5).toList())
                  + (unknown.size() == 1 ? " is not a service" : " are not services"))
          .throwIfAny();
    }
    Optional<Client> client = byId(id);
    if (client.isEmpty()) {
      return false;
    }
    if (client.get().services().equals(chosen)) {
      return true;
    }
    jdbc.sql("delete from open311_client_service where client_id = ?").param(id).update();
    for (String code : chosen) {
      jdbc.sql("insert into open311_client_service (client_id, service_code) values (?, ?)")
          .params(id, code)
          .update();
    }
    recent.forget();
    audit.record(
        AuditAction.UPDATE,
        SUBJECT,
        id.toString(),
        chosen.isEmpty()
            ? "services: may report to every active service"
            : "services limited to: " + String.join(", ", chosen));
    return true;
  }

  /** Whether {@code client} raised the case with this reference through Open311. */
  @Transactional(readOnly = true)
  public boolean raised(Client client, String reference) {
    return jdbc.sql("select count(*) from open311_request where client_id = ? and reference = ?")
            .params(client.id(), reference)
            .query(Integer.class)
            .single()
        > 0;
  }

  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional(readOnly = true)
  public List<Client> all() {
    Map<UUID, SortedSet<String>> services = new HashMap<>();
    jdbc.sql("select client_id, service_code from open311_client_service")
        .query(
            rs -> {
              services
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>())
                  .add(rs.getString(2));
            });
    return jdbc
        .sql("select " + COLUMNS + " from open311_client order by created_at desc, name")
        .query((rs, i) -> row(rs))
        .list()
        .stream()
        .map(c -> c.withServices(services.getOrDefault(c.id(), new TreeSet<>())))
        .toList();
  }

  /**
   * Makes {@code key} the key of the client named "default", creating it if need be (for {@code
   * BOROUGH_OPEN311_API_KEY}). Runs at start-up, as "system".
   */
  @Transactional
  public void registerDefault(String key, String jurisdictionId) {
    if (key.length() < 24) {
      throw new IllegalArgumentException(
          "BOROUGH_OPEN311_API_KEY must be at least 24 characters (it was " + key.length() + ")");
    }
    String hash = hash(key);
    Optional<Client> existing = byName("default");
    if (existing.isEmpty()) {
      create("default", "Set by BOROUGH_OPEN311_API_KEY", jurisdictionId, key);
      return;
    }
    int changed =
        jdbc.sql(
                "update open311_client set key_hash = ?, revoked_at = null where id = ?"
                    + " and (key_hash <> ? or revoked_at is not null)")
            .params(hash, existing.get().id(), hash)
            .update();
    if (changed == 1) {
      recent.forget();
      audit.record(
          AuditAction.UPDATE, SUBJECT, existing.get().id().toString(), "key set from environment");
    }
  }

  /**
   * The live client a key belongs to, remembered for {@link #REMEMBER} like the JSON API's tokens:
   * at hundreds of reports a second the lookup was a transaction of its own per report. "Last used"
   * is kept to the minute, not every call.
   */
  public Optional<Client> authenticate(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return Optional.empty();
    }
    return recent.get(hash(key.trim()), this::lookUp);
  }

  private Optional<Client> lookUp(String hash) {
    Optional<Client> client =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from open311_client where key_hash = ? and revoked_at is null")
            .param(hash)
            .query((rs, i) -> row(rs))
            .optional()
            .map(this::withServices);
    client.ifPresent(
        c -> {
          Instant now = clock.instant();
          if (c.lastUsedAt() == null || c.lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update open311_client set last_used_at = ? where id = ?")
                .params(Timestamp.from(now), c.id())
                .update();
          }
        });
    return client;
  }

  private Client create(String name, String contact, String jurisdictionId, String key) {
    Errors errors = new Errors();
    String n = name == null ? "" : name.trim();
    if (!NAME.matcher(n).matches()) {
      errors.reject(
          "name", "Enter a name of up to 50 letters, digits, spaces, dots, dashes or underscores");
    } else if (byName(n).isPresent()) {
      errors.reject("name", "There is already a client application called " + n);
    }
    String c = contact == null ? "" : contact.trim();
    if (c.isEmpty() || c.length() > 200) {
      errors.reject(
          "contact", "Enter who to contact about this application, in 200 characters or fewer");
    }
    String j = jurisdictionId == null ? "" : jurisdictionId.trim();
    if (j.isEmpty() || j.length() > 100) {
      errors.reject("jurisdictionId", "Enter the jurisdiction_id, in 100 characters or fewer");
    }
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String by = Open311Principal.currentName();
    jdbc.sql(
            "insert into open311_client (id, name, contact, jurisdiction_id, key_hash, created_at,"
                + " created_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, n, c, j, hash(key), Timestamp.from(now), by)
        .update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "API key issued to " + n);
    events.publishEvent(new Open311ClientIssued(id, n, now));
    return new Client(id, n, c, j, now, by, null, null, false, new TreeSet<>());
  }

  private Optional<Client> byName(String name) {
    return jdbc.sql("select " + COLUMNS + " from open311_client where name = ?")
        .param(name)
        .query((rs, i) -> row(rs))
        .optional();
  }

  private Optional<Client> byId(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from open311_client where id = ?")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional()
        .map(this::withServices);
  }

  private Client withServices(Client client) {
    return client.withServices(
        new TreeSet<>(
            jdbc.sql("select service_code from open311_client_service where client_id = ?")
                .param(client.id())
                .query(String.class)
                .list()));
  }

  private static final String COLUMNS =
      "id, name, contact, jurisdiction_id, created_at, created_by, last_used_at, revoked_at,"
          + " can_update_others";

  private static Client row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Client(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        instant(rs.getTimestamp(5)),
        rs.getString(6),
        instant(rs.getTimestamp(7)),
        instant(rs.getTimestamp(8)),
        rs.getBoolean(9),
        new TreeSet<>());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String hash(String key) {
    return Sha256.hex(key);
  }
}
