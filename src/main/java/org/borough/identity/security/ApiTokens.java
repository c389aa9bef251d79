// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.borough.identity.ApiTokenInfo;
import org.borough.identity.Permission;
import org.borough.system.RandomTokens;
import org.borough.system.Sha256;
import org.borough.system.ShortMemory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the JSON API. A token is 256 random bits shown once; only its SHA-256 is
 * stored, which is enough because the token itself has full entropy (no need for a slow hash).
 */
@Component
class ApiTokens {

  static final String PREFIX = "brg_";

  static final Duration REMEMBER = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ShortMemory<String, TokenUser> recent;

  ApiTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.recent = new ShortMemory<>(REMEMBER, clock);
  }

  /** What a new token is: who it acts as, until when, with which permissions, and why. */
  record NewToken(
      UUID owner,
      String name,
      Instant expiresAt,
      Set<Permission> scopes,
      UUID issuedBy,
      String reason) {}

  /** The owner of a live token, and what the token may do (empty: all the owner may do). */
  record TokenUser(UserDetails user, Set<Permission> scopes) {}

  String issue(NewToken token) {
    String value = PREFIX + RandomTokens.urlSafe(32);
    insert(token, hash(value));
    return value;
  }

  /**
   * Registers a token whose value the operator chose; registering it again (at the next start)
   * renews its expiry rather than adding a second row.
   */
  void register(UUID user, String name, String token, Instant expiresAt) {
    if (token == null || token.length() < 24) {
      throw new IllegalArgumentException("An API token must be at least 24 characters");
    }
    String hash = hash(token);
    int renewed =
        jdbc.sql("update api_token set expires_at = ? where token_hash = ? and revoked_at is null")
            .params(Timestamp.from(expiresAt), hash)
            .update();
    boolean exists =
        renewed > 0
            || jdbc.sql("select count(*) from api_token where token_hash = ?")
                    .param(hash)
                    .query(Integer.class)
                    .single()
                > 0;
    if (!exists) {
      insert(new NewToken(user, name, expiresAt, Set.of(), user, null), hash);
    }
  }

  private void insert(NewToken t, String hash) {
    jdbc.sql(
            "insert into api_token (id, user_id, name, token_hash, created_at, expires_at,"
                + " issued_by, reason, scopes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            t.owner(),
            t.name(),
            hash,
            Timestamp.from(clock.instant()),
            Timestamp.from(t.expiresAt()),
            t.issuedBy(),
            t.reason(),
            t.scopes().isEmpty()
                ? null
                : String.join(",", t.scopes().stream().map(Enum::name).sorted().toList()))
        .update();
  }

  /**
   * The user a live token belongs to, loaded with {@code load}. A token seen in the last {@link
   * #REMEMBER} is answered from memory: an integration posting hundreds of cases a second would
   * otherwise spend a third of its database round trips proving who it is. Revoking a token here
   * forgets every remembered one at once; another instance forgets within {@link #REMEMBER}.
   */
  Optional<TokenUser> authenticate(String token, Function<String, UserDetails> load) {
    return recent.get(
        hash(token),
        hash ->
            lookUp(hash, clock.instant())
                .map(found -> new TokenUser(load.apply(found.username()), found.scopes())));
  }

  /** Forgets remembered tokens, so a revoked token or a disabled account stops working now. */
  void forgetRemembered() {
    recent.forget();
  }

  private record Found(String username, Set<Permission> scopes) {}

  private Optional<Found> lookUp(String hash, Instant now) {
    Optional<Found> user =
        jdbc.sql(
                "select u.username, t.scopes from api_token t join staff_user u on u.id = t.user_id"
                    + " where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?"
                    + " and u.enabled")
            .params(hash, Timestamp.from(now))
            .query((rs, i) -> new Found(rs.getString(1), scopes(rs.getString(2))))
            .optional();
    // "Last used" to the minute is enough for an admin. Writing it on every request would make
    // every concurrent call with one token queue for the same row lock.
    user.ifPresent(
        u ->
            jdbc.sql(
                    "update api_token set last_used_at = ? where token_hash = ?"
                        + " and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(60)))
                .update());
    return user;
  }

  private static final String SELECT_INFO =
      "select t.id, u.username, t.name, t.created_at, t.last_used_at, t.revoked_at,"
          + " t.expires_at, i.username, t.reason, t.scopes"
          + " from api_token t join staff_user u on u.id = t.user_id"
          + " left join staff_user i on i.id = t.issued_by";

  List<ApiTokenInfo> all() {
    return jdbc.sql(SELECT_INFO + " order by t.created_at desc").query(ApiTokens::info).list();
  }

  /** A user's own tokens, newest first. */
  List<ApiTokenInfo> ownedBy(UUID user) {
    return jdbc.sql(SELECT_INFO + " where t.user_id = ? order by t.created_at desc")
        .param(user)
        .query(ApiTokens::info)
        .list();
  }

  /** Tokens someone else issued for {@code user} that they have not been shown yet. */
  List<ApiTokenInfo> unseenIssuedByOthers(UUID user) {
    return jdbc.sql(
            SELECT_INFO
                + " where t.user_id = ? and t.issued_by <> t.user_id"
                + " and t.owner_notified_at is null order by t.created_at")
        .param(user)
        .query(ApiTokens::info)
        .list();
  }

  void markSeen(UUID user) {
    jdbc.sql(
            "update api_token set owner_notified_at = ? where user_id = ?"
                + " and issued_by <> user_id and owner_notified_at is null")
        .params(Timestamp.from(clock.instant()), user)
        .update();
  }

  private static ApiTokenInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ApiTokenInfo(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        instant(rs.getTimestamp(7)),
        rs.getString(8),
        rs.getString(9),
        scopes(rs.getString(10)));
  }

  private static Set<Permission> scopes(String names) {
    Set<Permission> scopes = EnumSet.noneOf(Permission.class);
    if (names != null && !names.isBlank()) {
      for (String name : names.split(",")) {
        scopes.add(Permission.valueOf(name.trim()));
      }
    }
    return scopes;
  }

  boolean revoke(UUID id) {
    return revoke(id, null);
  }

  /** Revokes a token, only if {@code owner} (when not null) is its owner. */
  boolean revoke(UUID id, UUID owner) {
    String sql = "update api_token set revoked_at = ? where id = ? and revoked_at is null";
    var update =
        owner == null
            ? jdbc.sql(sql).params(Timestamp.from(clock.instant()), id)
            : jdbc.sql(sql + " and user_id = ?").params(Timestamp.from(clock.instant()), id, owner);
    boolean revoked = update.update() == 1;
    forgetRemembered();
    return revoked;
  }

  /** Revokes every live token of a user; returns how many. */
  int revokeAll(UUID user) {
    int revoked =
        jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
            .params(Timestamp.from(clock.instant()), user)
            .update();
    forgetRemembered();
    return revoked;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }
}
