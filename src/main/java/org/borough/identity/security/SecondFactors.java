// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The second factor staff prove after their password: a code from an authenticator app (RFC 6238:
 * 30-second steps, six digits, HMAC-SHA1, which every app supports) or one of ten single-use
 * recovery codes. Codes come from a maintained library (dev.samstevens.totp); Borough only decides
 * which step a code may be for and keeps each one to a single use.
 */
@Component
public class SecondFactors {

  /** The factor an app's code adds to the session (Spring Security's factor authorities). */
  public static final String APP = "FACTOR_TOTP";

  /** The factor a recovery code adds: a look-up secret, good once. */
  public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

  /** Any of these after a password is a second factor. */
  private static final Set<String> SECOND =
      Set.of(APP, RECOVERY_CODE, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

  static final int RECOVERY_CODES = 10;
  private static final int STEP_SECONDS = 30;
  private static final Pattern APP_CODE = Pattern.compile("\\d{6}");

  private final Authenticators authenticators;
  private final PublicKeyCredentialUserEntityRepository passkeyUsers;
  private final UserCredentialRepository passkeyCredentials;
  private final SecondFactorProperties properties;
  private final Set<Role> requiredRoles;
  private final AuditLog audit;
  private final Clock clock;
  private final CodeGenerator codes = new DefaultCodeGenerator();

  SecondFactors(
      Authenticators authenticators,
      PublicKeyCredentialUserEntityRepository passkeyUsers,
      UserCredentialRepository passkeyCredentials,
      SecondFactorProperties properties,
      AuditLog audit,
      Clock clock) {
    this.authenticators = authenticators;
    this.passkeyUsers = passkeyUsers;
    this.passkeyCredentials = passkeyCredentials;
    this.properties = properties;
    this.requiredRoles = properties.requiredRoles();
    this.audit = audit;
    this.clock = clock;
  }

  /** A passkey a member of staff registered, as their page lists it. */
  public record Passkey(String id, String label, Instant created, Instant lastUsed) {}

  /** An app being set up: its secret and the {@code otpauth://} address its QR code holds. */
  public record NewApp(String secret, String address) {}

  /**
   * True when this signed-in user is asked for a second factor: they signed in with a password (the
   * identity provider asks for its own factors; a bearer token is issued on purpose) and hold a
   * role that needs one ({@code BOROUGH_MFA_ROLES}).
   */
  public boolean asks(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .anyMatch(a -> requiredRoles.stream().anyMatch(r -> a.equals("ROLE_" + r.name())));
  }

  /** True when this user is asked for a second factor and has not given it in this session. */
  public boolean owed(Authentication authentication) {
    return asks(authentication) && !given(authentication);
  }

  /** True when the session has had a second factor. */
  public static boolean given(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(SECOND::contains);
  }

  public boolean hasApp(String username) {
    return authenticators.secret(username).isPresent();
  }

  /** {@code username}'s passkeys, oldest first. */
  public List<Passkey> passkeys(String username) {
    PublicKeyCredentialUserEntity user = passkeyUsers.findByUsername(username);
    if (user == null) {
      return List.of();
    }
    return passkeyCredentials.findByUserId(user.getId()).stream()
        .map(
            c ->
                new Passkey(
                    c.getCredentialId().toBase64UrlString(),
                    c.getLabel(),
                    c.getCreated(),
                    c.getLastUsed()))
        .sorted(
            Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** Removes one of {@code username}'s own passkeys; false when they hold none with that id. */
  public boolean removePasskey(String username, String id) {
    PublicKeyCredentialUserEntity user = passkeyUsers.findByUsername(username);
    if (user == null) {
      return false;
    }
    Bytes credential;
    try {
      credential = Bytes.fromBase64(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
    CredentialRecord record = passkeyCredentials.findByCredentialId(credential);
    if (record == null || !record.getUserEntityUserId().equals(user.getId())) {
      return false;
    }
    passkeyCredentials.delete(credential);
    audit.recordAs(username, AuditAction.UPDATE, "staff", username, "passkey removed");
    return true;
  }

  public int recoveryCodesLeft(String username) {
    return authenticators.recoveryCodesLeft(username);
  }

  /** A new secret for {@code username}'s app, not yet stored: {@link #enrol} stores it. */
  public NewApp newApp(String username) {
    return appFor(username, new DefaultSecretGenerator().generate());
  }

  /** The app being set up with {@code secret}, as {@link #newApp} gave it. */
  public NewApp appFor(String username, String secret) {
    String address =
        new QrData.Builder()
            .label(username)
            .secret(secret)
            .issuer(properties.issuer())
            .digits(6)
            .period(STEP_SECONDS)
            .build()
            .getUri();
    return new NewApp(secret, address);
  }

  /**
   * Stores {@code secret} as {@code username}'s app when {@code code} is its current code, and
   * returns ten new recovery codes (shown once; only their hashes are kept). Empty when the code is
   * wrong.
   */
  public Optional<List<String>> enrol(String username, String secret, String code) {
    OptionalLong step = stepOf(secret, code);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    List<String> recovery = newCodes();
    // The code that proved the app is spent: it cannot then be replayed to sign in.
    authenticators.enrol(username, secret, step.getAsLong(), hashes(recovery), clock.instant());
    audit.recordAs(username, AuditAction.UPDATE, "staff", username, "authenticator app set up");
    return Optional.of(recovery);
  }

  /**
   * The factor {@code code} proves for {@code username}: {@link #APP} for their app's current code
   * (once), {@link #RECOVERY_CODE} for an unused recovery code (which is then used); empty for
   * anything else.
   */
  Optional<String> check(String username, String code) {
    String typed = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    if (APP_CODE.matcher(typed).matches()) {
      Optional<String> secret = authenticators.secret(username);
      OptionalLong step = secret.map(s -> stepOf(s, typed)).orElse(OptionalLong.empty());
      return step.isPresent() && authenticators.advance(username, step.getAsLong())
          ? Optional.of(APP)
          : Optional.empty();
    }
    if (!typed.isEmpty()
        && authenticators.useRecoveryCode(username, hash(typed), clock.instant())) {
      audit.recordAs(
          username,
          AuditAction.UPDATE,
          "staff",
          username,
          "recovery code used, " + authenticators.recoveryCodesLeft(username) + " left");
      return Optional.of(RECOVERY_CODE);
    }
    return Optional.empty();
  }

  /** Ten new recovery codes for {@code username}; the old ones stop working. */
  public List<String> newRecoveryCodes(String username) {
    List<String> recovery = newCodes();
    authenticators.replaceRecoveryCodes(username, hashes(recovery));
    audit.recordAs(username, AuditAction.UPDATE, "staff", username, "new recovery codes");
    return recovery;
  }

  /**
   * Removes {@code username}'s app, recovery codes and passkeys (a lost phone): they set up a new
   * app at their next sign-in. Done by an administrator, who is the audit's actor.
   */
  public boolean reset(String username) {
    boolean had = authenticators.forget(username);
    PublicKeyCredentialUserEntity user = passkeyUsers.findByUsername(username);
    if (user != null) {
      for (CredentialRecord c : passkeyCredentials.findByUserId(user.getId())) {
        passkeyCredentials.delete(c.getCredentialId());
        had = true;
      }
    }
    audit.record(AuditAction.UPDATE, "staff", username, "authenticator app reset");
    return had;
  }

  /** The 30-second step, of the one before, now and the one after, whose code {@code code} is. */
  private OptionalLong stepOf(String secret, String code) {
    if (code == null || !APP_CODE.matcher(code.trim()).matches()) {
      return OptionalLong.empty();
    }
    byte[] typed = code.trim().getBytes(StandardCharsets.US_ASCII);
    long now = clock.instant().getEpochSecond() / STEP_SECONDS;
    // A step either side allows for a phone's clock a little out and for the time taken to type.
    for (long step = now - 1; step <= now + 1; step++) {
      try {
        byte[] expected = codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, typed)) {
          return OptionalLong.of(step);
        }
      } catch (CodeGenerationException e) {
        throw new IllegalStateException("An authenticator secret could not be used", e);
      }
    }
    return OptionalLong.empty();
  }

  private static List<String> newCodes() {
    return Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
  }

  private static List<String> hashes(List<String> codes) {
    return codes.stream().map(c -> hash(c.replace("-", "").toLowerCase(Locale.ROOT))).toList();
  }

  private static String hash(String normalised) {
    return ApiTokens.hash("recovery:" + normalised);
  }
}
