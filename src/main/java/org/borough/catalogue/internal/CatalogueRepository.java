// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borough.catalogue.AttributeType;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.SlaPolicy;
import org.borough.catalogue.Ward;
import org.borough.identity.TeamId;
import org.borough.system.EditVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services, their attributes and wards. Small tables: read whole and cached by the service. */
@Repository
public class CatalogueRepository {

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Map<String, ServiceDefinition> loadAll() {
    Map<String, List<ServiceAttribute.Value>> values = new LinkedHashMap<>();
    jdbc.sql(
            "select service_code, attribute_code, value_key, value_name from"
                + " service_attribute_value order by service_code, attribute_code, position")
        .query(
            (rs, i) ->
                values
                    .computeIfAbsent(
                        rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                    .add(new ServiceAttribute.Value(rs.getString(3), rs.getString(4))))
        .list();
    Map<String, List<ServiceAttribute>> attributes = new LinkedHashMap<>();
    jdbc.sql(
            "select service_code, code, label, datatype, required, position, help_text, active"
                + " from service_attribute order by service_code, position")
        .query(
            (rs, i) ->
                attributes
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new ServiceAttribute(
                            rs.getString(2),
                            rs.getString(3),
                            AttributeType.valueOf(rs.getString(4)),
                            rs.getBoolean(5),
                            rs.getInt(6),
                            rs.getString(7),
                            values.getOrDefault(rs.getString(1) + "/" + rs.getString(2), List.of()),
                            rs.getBoolean(8))))
        .list();
    Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    jdbc.sql(
            "select code, name, group_name, description, active, default_team_id, priority,"
                + " sla_target, sla_unit, sla_warning_percent, sla_pause_statuses, published,"
                + " version, case_type from service order by group_name, name")
        .query(
            (rs, i) -> {
              UUID team = rs.getObject(6, UUID.class);
              String pauses = rs.getString(11);
              Set<String> pauseStatuses =
                  pauses.isBlank()
                      ? Set.of()
                      : Arrays.stream(pauses.split(","))
                          .map(String::trim)
                          .collect(Collectors.toSet());
              ServiceDefinition s =
                  new ServiceDefinition(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getBoolean(5),
                      team == null ? null : new TeamId(team),
                      Priority.valueOf(rs.getString(7)),
                      new SlaPolicy(
                          rs.getInt(8),
                          SlaPolicy.Unit.valueOf(rs.getString(9)),
                          rs.getInt(10),
                          pauseStatuses),
                      List.copyOf(attributes.getOrDefault(rs.getString(1), List.of())),
                      rs.getBoolean(12),
                      CaseType.valueOf(rs.getString(14)),
                      rs.getInt(13));
              return services.put(s.code(), s);
            })
        .list();
    return services;
  }

  public void insert(ServiceDefinition s) {
    jdbc.sql(
            "insert into service (name, group_name, description, active, default_team_id,"
                + " priority, sla_target, sla_unit, sla_warning_percent, sla_pause_statuses, published,"
                + " case_type, code, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(withVersion(s))
        .update();
    insertAttributes(s);
  }

  /**
   * Raises a service's version from the one a change was made to, locking its row until the change
   * commits.
   *
   * @throws org.borough.system.StaleEditException when it is at another version now
   */
  public void raiseVersion(String code, int expected, String what) {
    EditVersions.raise(jdbc, "service", "code", "version", code, expected, what);
  }

  /** Saves a changed definition under the same code; its questions are written anew. */
  public void update(ServiceDefinition s) {
    jdbc.sql(
            "update service set name = ?, group_name = ?, description = ?, active = ?,"
                + " default_team_id = ?, priority = ?, sla_target = ?, sla_unit = ?,"
                + " sla_warning_percent = ?, sla_pause_statuses = ?, published = ?, case_type = ?"
                + " where code = ?")
        .params(columns(s))
        .update();
    deleteAttributes(s.code());
    insertAttributes(s);
  }

  /** Saves a definition under a new code; only for a service no case refers to. */
  public void replace(String oldCode, ServiceDefinition s) {
    insert(s);
    deleteAttributes(oldCode);
    jdbc.sql("delete from service where code = ?").param(oldCode).update();
  }

  private static List<Object> withVersion(ServiceDefinition s) {
    List<Object> values = new ArrayList<>(columns(s));
    values.add(s.version());
    return values;
  }

  private static List<Object> columns(ServiceDefinition s) {
    return Arrays.asList(
        s.name(),
        s.group(),
        s.description(),
        s.active(),
        s.defaultTeam() == null ? null : s.defaultTeam().value(),
        s.priority().name(),
        s.sla().target(),
        s.sla().unit().name(),
        s.sla().warningPercent(),
        String.join(",", s.sla().pauseStatuses().stream().sorted().toList()),
        s.published(),
        s.caseType().name(),
        s.code());
  }

  // Answers on cases refer to questions by code, not by key, so rewriting them loses nothing.
  private void deleteAttributes(String code) {
    jdbc.sql("delete from service_attribute_value where service_code = ?").param(code).update();
    jdbc.sql("delete from service_attribute where service_code = ?").param(code).update();
  }

  private void insertAttributes(ServiceDefinition s) {
    for (ServiceAttribute a : s.attributes()) {
      jdbc.sql(
              "insert into service_attribute (service_code, code, label, datatype, required,"
                  + " position, help_text, active) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              s.code(),
              a.code(),
              a.label(),
              a.type().name(),
              a.required(),
              a.order(),
              a.helpText(),
              a.active())
          .update();
      int position = 0;
      for (ServiceAttribute.Value v : a.values()) {
        jdbc.sql(
                "insert into service_attribute_value (service_code, attribute_code, value_key,"
                    + " value_name, position) values (?, ?, ?, ?, ?)")
            .params(s.code(), a.code(), v.key(), v.name(), position++)
            .update();
      }
    }
  }

  public List<Ward> wards() {
    return jdbc.sql("select gss_code, name from ward order by name")
        .query((rs, i) -> new Ward(rs.getString(1), rs.getString(2)))
        .list();
  }

  public void insertWard(Ward w) {
    jdbc.sql("insert into ward (gss_code, name) values (?, ?)")
        .params(w.gssCode(), w.name())
        .update();
  }

  /** The catalogue's version: raised by every change, read by every node (CatalogueRefresh). */
  public long version() {
    return jdbc.sql("select version from catalogue_version where id = 1")
        .query(Long.class)
        .single();
  }

  /** Raises the version, in the transaction of the change. */
  public void raiseVersion() {
    jdbc.sql("update catalogue_version set version = version + 1 where id = 1").update();
  }
}
