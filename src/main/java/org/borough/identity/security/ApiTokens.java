// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
  private static final SecureRandom RANDOM = new SecureRandom();

  static final Duration REMEMBER = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ShortMemory<String, UserDetails> recent;

  ApiTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.recent = new ShortMemory<>(REMEMBER, clock);
  }

  record TokenInfo(
      UUID id,
      String owner,
      String name,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  String issue(UUID user, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    register(user, name, token);
    return token;
  }

  void register(UUID user, String name, String token) {
    if (token == null || token.length() < 24) {
      throw new IllegalArgumentException("An API token must be at least 24 characters");
    }
    String hash = hash(token);
    boolean exists =
        jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(hash)
                .query(Integer.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    jdbc.sql(
            "insert into api_token (id, user_id, name, token_hash, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), user, name, hash, Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * The user a live token belongs to, loaded with {@code load}. A token seen in the last {@link
   * #REMEMBER} is answered from memory: an integration posting hundreds of cases a second would
   * otherwise spend a third of its database round trips proving who it is. Revoking a token here
   * forgets every remembered one at once; another instance forgets within {@link #REMEMBER}.
   */
  Optional<UserDetails> authenticate(String token, Function<String, UserDetails> load) {
    return recent.get(hash(token), hash -> lookUp(hash, clock.instant()).map(load));
  }

  /** Forgets remembered tokens, so a revoked token or a disabled account stops working now. */
  void forgetRemembered() {
    recent.forget();
  }

  private Optional<String> lookUp(String hash, Instant now) {
    Optional<String> user =
        jdbc.sql(
                "select u.username from api_token t join staff_user u on u.id = t.user_id"
                    + " where t.token_hash = ? and t.revoked_at is null and u.enabled")
            .param(hash)
            .query(String.class)
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

  List<TokenInfo> all() {
    return jdbc.sql(
            "select t.id, u.username, t.name, t.created_at, t.last_used_at, t.revoked_at"
                + " from api_token t join staff_user u on u.id = t.user_id"
                + " order by t.created_at desc")
        .query(
            (rs, i) ->
                new TokenInfo(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    instant(rs.getTimestamp(6))))
        .list();
  }

  boolean revoke(UUID id) {
    boolean revoked =
        jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update()
            == 1;
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
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
