// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * The body types a file upload takes, checked in the handler rather than by "consumes": a body of
 * another type is refused (415) after the permission check, so someone without the permission
 * learns nothing from it.
 */
final class BodyTypes {

  private BodyTypes() {}

  static void require(HttpServletRequest request, List<MediaType> supported)
      throws HttpMediaTypeNotSupportedException {
    MediaType type;
    try {
      type =
          request.getContentType() == null
              ? null
              : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      type = null;
    }
    MediaType sent = type;
    if (sent == null || supported.stream().noneMatch(t -> t.includes(sent))) {
      throw new HttpMediaTypeNotSupportedException(sent, supported, HttpMethod.POST);
    }
  }
}
