// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A service as an administrator writes it, before validation: every value may be missing or wrong,
 * and each error is reported under the name of its field ({@code attributes[1].values}). Questions
 * are asked in list order.
 */
public record ServiceInput(
    @Schema(example = "missed-bin") String code,
    @Schema(example = "Missed bin collection") String name,
    @Schema(example = "Bins and recycling") String group,
    String description,
    @Schema(description = "Offered for new cases; defaults to true") Boolean active,
    UUID defaultTeamId,
    @Schema(
            example = "NORMAL",
            allowableValues = {"LOW", "NORMAL", "HIGH", "URGENT"})
        String priority,
    @Schema(example = "2", description = "Greater than zero") Integer slaTarget,
    @Schema(
            example = "WORKING_DAYS",
            allowableValues = {"WORKING_DAYS", "WORKING_HOURS"})
        String slaUnit,
    @Schema(example = "75", description = "At risk after this percentage of the target, 1 to 100")
        Integer slaWarningPercent,
    @Schema(example = "[\"ON_HOLD\"]", description = "Case statuses that pause the clock")
        List<String> slaPauseStatuses,
    List<AttributeInput> attributes,
    @Schema(
            description =
                "Public by nature (a pothole, not a noise complaint): its open cases are shown to"
                    + " residents nearby and on Open311 at street precision. Defaults to false on a"
                    + " new service; missing on a change keeps the current value")
        Boolean published,
    @Schema(
            example = "REQUEST",
            allowableValues = {"REQUEST", "COMPLAINT", "FOI", "EIR"},
            description =
                "What its cases are: service requests, complaints worked through the complaint"
                    + " handling code's stages, or requests for information under FOI or the EIR."
                    + " Defaults to REQUEST on a new service; missing on a change keeps the current"
                    + " type")
        String caseType) {

  /** One question; {@code values} for list types only, at least one. */
  public record AttributeInput(
      @Schema(example = "bin_type") String code,
      @Schema(example = "Which bin was missed?") String label,
      @Schema(
              example = "SINGLE_VALUE_LIST",
              allowableValues = {
                "STRING",
                "TEXT",
                "NUMBER",
                "DATE",
                "SINGLE_VALUE_LIST",
                "MULTI_VALUE_LIST"
              })
          String type,
      Boolean required,
      String helpText,
      @Schema(description = "Still asked on new cases; defaults to true") Boolean active,
      List<ValueInput> values) {}

  /** A choice in a list: the key is stored on cases, the name is shown. */
  public record ValueInput(
      @Schema(example = "recycling") String key, @Schema(example = "Recycling") String name) {}

  /** The input that would save {@code s} unchanged: the starting point of an edit. */
  public static ServiceInput of(ServiceDefinition s) {
    return new ServiceInput(
        s.code(),
        s.name(),
        s.group(),
        s.description(),
        s.active(),
        s.defaultTeam() == null ? null : s.defaultTeam().value(),
        s.priority().name(),
        s.sla().target(),
        s.sla().unit().name(),
        s.sla().warningPercent(),
        s.sla().pauseStatuses().stream().sorted().toList(),
        s.attributes().stream().map(ServiceInput::of).toList(),
        s.published(),
        s.caseType().name());
  }

  public static AttributeInput of(ServiceAttribute a) {
    return new AttributeInput(
        a.code(),
        a.label(),
        a.type().name(),
        a.required(),
        a.helpText(),
        a.active(),
        a.values().stream().map(v -> new ValueInput(v.key(), v.name())).toList());
  }

  public ServiceInput withCode(String replaced) {
    return new ServiceInput(
        replaced,
        name,
        group,
        description,
        active,
        defaultTeamId,
        priority,
        slaTarget,
        slaUnit,
        slaWarningPercent,
        slaPauseStatuses,
        attributes,
        published,
        caseType);
  }

  public ServiceInput withAttributes(List<AttributeInput> replaced) {
    return new ServiceInput(
        code,
        name,
        group,
        description,
        active,
        defaultTeamId,
        priority,
        slaTarget,
        slaUnit,
        slaWarningPercent,
        slaPauseStatuses,
        replaced,
        published,
        caseType);
  }
}
