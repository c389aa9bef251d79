// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey being added (its challenge above all) in the session until the
 * browser answers. Spring Security's own repository puts the options object in the session as it
 * is, which is not serializable, so the database-backed sessions every node shares (Spring Session
 * JDBC) could not store it: this one stores a serializable copy and builds the options again.
 */
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

  private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

  private static final List<PublicKeyCredentialParameters> ALGORITHMS =
      List.of(
          PublicKeyCredentialParameters.EdDSA,
          PublicKeyCredentialParameters.ES256,
          PublicKeyCredentialParameters.ES384,
          PublicKeyCredentialParameters.ES512,
          PublicKeyCredentialParameters.RS256,
          PublicKeyCredentialParameters.RS384,
          PublicKeyCredentialParameters.RS512,
          PublicKeyCredentialParameters.RS1);

  /** What the options hold, in serializable parts. */
  private record Stored(
      String rpId,
      String rpName,
      String userName,
      Bytes userId,
      String userDisplayName,
      Bytes challenge,
      List<Long> algorithms,
      Duration timeout,
      ArrayList<PublicKeyCredentialDescriptor> excluded,
      String attachment,
      String residentKey,
      String userVerification,
      String attestation)
      implements Serializable {}

  @Override
  public void save(
      HttpServletRequest request,
      HttpServletResponse response,
      PublicKeyCredentialCreationOptions options) {
    if (options == null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.removeAttribute(ATTRIBUTE);
      }
      return;
    }
    AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
    request
        .getSession()
        .setAttribute(
            ATTRIBUTE,
            new Stored(
                options.getRp().getId(),
                options.getRp().getName(),
                options.getUser().getName(),
                options.getUser().getId(),
                options.getUser().getDisplayName(),
                options.getChallenge(),
                options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
                options.getTimeout(),
                options.getExcludeCredentials() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(options.getExcludeCredentials()),
                selection == null || selection.getAuthenticatorAttachment() == null
                    ? null
                    : selection.getAuthenticatorAttachment().getValue(),
                selection == null || selection.getResidentKey() == null
                    ? null
                    : selection.getResidentKey().getValue(),
                selection == null || selection.getUserVerification() == null
                    ? null
                    : selection.getUserVerification().getValue(),
                options.getAttestation() == null ? null : options.getAttestation().getValue()));
  }

  @Override
  public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Stored s)) {
      return null;
    }
    var selection = AuthenticatorSelectionCriteria.builder();
    if (s.attachment() != null) {
      selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(s.attachment()));
    }
    if (s.residentKey() != null) {
      selection.residentKey(ResidentKeyRequirement.valueOf(s.residentKey()));
    }
    if (s.userVerification() != null) {
      Stream.of(
              UserVerificationRequirement.REQUIRED,
              UserVerificationRequirement.PREFERRED,
              UserVerificationRequirement.DISCOURAGED)
          .filter(v -> v.getValue().equals(s.userVerification()))
          .findFirst()
          .ifPresent(selection::userVerification);
    }
    var options =
        PublicKeyCredentialCreationOptions.builder()
            .rp(PublicKeyCredentialRpEntity.builder().id(s.rpId()).name(s.rpName()).build())
            .user(
                ImmutablePublicKeyCredentialUserEntity.builder()
                    .name(s.userName())
                    .id(s.userId())
                    .displayName(s.userDisplayName())
                    .build())
            .challenge(s.challenge())
            .pubKeyCredParams(
                ALGORITHMS.stream()
                    .filter(p -> s.algorithms().contains(p.getAlg().getValue()))
                    .toList())
            .timeout(s.timeout())
            .excludeCredentials(s.excluded())
            .authenticatorSelection(selection.build());
    if (s.attestation() != null) {
      options.attestation(AttestationConveyancePreference.valueOf(s.attestation()));
    }
    return options.build();
  }
}
