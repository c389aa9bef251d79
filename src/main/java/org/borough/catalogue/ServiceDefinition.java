// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.List;
import org.borough.identity.TeamId;

/**
 * An entry in the service catalogue, with the questions its form asks in order.
 *
 * @param published public by nature (a pothole, fly-tipping, a street light: something anyone in
 *     the street can see): its open cases are offered to residents reporting nearby and listed on
 *     Open311, at a street's precision. Off for anything about a person or their home (council tax,
 *     noise, housing, pest control).
 * @param caseType what its cases are: requests, or complaints with their stages
 * @param version raised by every change to the service or its questions; an edit names the version
 *     it was made to, so it cannot overwrite a colleague's change unseen
 */
public record ServiceDefinition(
    String code,
    String name,
    String group,
    String description,
    boolean active,
    TeamId defaultTeam,
    Priority priority,
    SlaPolicy sla,
    List<ServiceAttribute> attributes,
    boolean published,
    CaseType caseType,
    int version) {

  public ServiceDefinition {
    caseType = caseType == null ? CaseType.REQUEST : caseType;
  }

  /** A service as first defined, at version 0. */
  public ServiceDefinition(
      String code,
      String name,
      String group,
      String description,
      boolean active,
      TeamId defaultTeam,
      Priority priority,
      SlaPolicy sla,
      List<ServiceAttribute> attributes,
      boolean published) {
    this(
        code,
        name,
        group,
        description,
        active,
        defaultTeam,
        priority,
        sla,
        attributes,
        published,
        CaseType.REQUEST,
        0);
  }

  /** A service that is not published, as before publication was a choice. */
  public ServiceDefinition(
      String code,
      String name,
      String group,
      String description,
      boolean active,
      TeamId defaultTeam,
      Priority priority,
      SlaPolicy sla,
      List<ServiceAttribute> attributes) {
    this(code, name, group, description, active, defaultTeam, priority, sla, attributes, false);
  }

  /** This definition with its cases of another type. */
  public ServiceDefinition withCaseType(CaseType type) {
    return new ServiceDefinition(
        code,
        name,
        group,
        description,
        active,
        defaultTeam,
        priority,
        sla,
        attributes,
        published,
        type,
        version);
  }

  /** This definition at another version: the one a save raised it to. */
  public ServiceDefinition withVersion(int newVersion) {
    return new ServiceDefinition(
        code,
        name,
        group,
        description,
        active,
        defaultTeam,
        priority,
        sla,
        attributes,
        published,
        caseType,
        newVersion);
  }

  /** The questions a new case is asked, in order; inactive ones only label old answers. */
  public List<ServiceAttribute> activeAttributes() {
    return attributes.stream().filter(ServiceAttribute::active).toList();
  }
}
