// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.Priority;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;

/**
 * A request to raise a case, as a form or API call gives it. {@code resident} is null for an
 * anonymous report; {@code priority} and {@code team} default to the service's; {@code contactId}
 * is the contact that led to the case, if one was logged first.
 */
public record NewCase(
    String serviceCode,
    ResidentId resident,
    String description,
    String address,
    Long uprn,
    BigDecimal latitude,
    BigDecimal longitude,
    String wardCode,
    Map<String, List<String>> answers,
    Priority priority,
    TeamId team,
    Channel channel,
    UUID contactId) {}
