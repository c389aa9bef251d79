// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A report being written, held in the resident's session between pages. Nothing is saved until they
 * send it from the check-your-answers page; photos wait in {@link PhotoStore}.
 */
final class ReportAnswers implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String ADDRESS = "address";
  static final String POINT = "point";

  String serviceCode;
  String locationKind;
  String postcode;
  String addressLine;
  BigDecimal latitude;
  BigDecimal longitude;

  /** A nearby open case the resident chose to follow instead of reporting again. */
  String followReference;

  final Map<String, List<String>> answers = new LinkedHashMap<>();
  final Set<String> answered = new HashSet<>();
  String description;
  boolean photosDone;
  final List<Photo> photos = new ArrayList<>();
  boolean contactDone;
  String firstName;
  String lastName;
  String email;
  String phone;

  /**
   * The signed-in resident's record, when they sent their verified email: the report is theirs
   * without matching by email or phone.
   */
  UUID verifiedResident;

  /** Set once the check page was shown: later changes go back there. */
  boolean reachedCheck;

  record Photo(String id, String filename, String contentType, long size) implements Serializable {}

  boolean locationDone() {
    return ADDRESS.equals(locationKind) || POINT.equals(locationKind);
  }

  /** The location as the case records it: "line, POSTCODE", or null for a point. */
  String address() {
    return ADDRESS.equals(locationKind) ? addressLine + ", " + postcode : null;
  }

  boolean anonymous() {
    return email == null && phone == null;
  }
}
