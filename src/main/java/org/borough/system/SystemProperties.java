// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Borough-wide settings, bound from {@code borough.*} (so {@code BOROUGH_DATA_DIR} and friends).
 *
 * @param dataDir where the embedded database, attachments and the warehouse live
 * @param councilName shown in the header of every page
 * @param zone the council's time zone: times are stored in UTC and shown here
 * @param workingDayStart start of the working day, for SLA targets in working hours
 * @param workingDayEnd end of the working day; a target in working days is due at this time
 * @param bankHolidaysFile an admin-supplied, newer copy of the government's bank-holidays.json
 */
@ConfigurationProperties("borough")
public record SystemProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("Borough Council") String councilName,
    @DefaultValue("Europe/London") ZoneId zone,
    @DefaultValue("09:00") LocalTime workingDayStart,
    @DefaultValue("17:00") LocalTime workingDayEnd,
    Path bankHolidaysFile) {}
