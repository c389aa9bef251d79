// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links sent in messages: to residents, to follow a report; to staff, into the console. The link
 * only fills in the reference: tracking still asks for the email or postcode, so a forwarded email
 * shows nothing by itself.
 */
@Component
public class TrackLinks {

  private final PortalProperties properties;

  TrackLinks(PortalProperties properties) {
    this.properties = properties;
  }

  /** {@code <base url>/portal/track?reference=BR-2026-000123}. */
  public String trackUrl(String reference) {
    return UriComponentsBuilder.fromUri(properties.baseUrl())
        .path("/portal/track")
        .queryParam("reference", reference)
        .build()
        .toUriString();
  }

  /** {@code <base url>/portal/feedback?token=…}: the satisfaction question for a resolved case. */
  public String feedbackUrl(String token) {
    return UriComponentsBuilder.fromUri(properties.baseUrl())
        .path("/portal/feedback")
        .queryParam("token", token)
        .build()
        .toUriString();
  }

  /** {@code <base url>/cases/BR-2026-000123}: a case's page in the staff console. */
  public String consoleCaseUrl(String reference) {
    return consoleUrl("/cases/" + reference);
  }

  /** {@code <base url><path>}, a page of the staff console. */
  public String consoleUrl(String path) {
    return UriComponentsBuilder.fromUri(properties.baseUrl()).path(path).build().toUriString();
  }
}
