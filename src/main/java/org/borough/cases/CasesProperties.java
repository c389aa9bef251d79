// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Case settings: {@code BOROUGH_CASES_REFERENCE_PREFIX}, {@code BOROUGH_CASES_REOPEN_WINDOW},
 * {@code BOROUGH_CASES_ATTACHMENT_MAX_SIZE}, {@code BOROUGH_CASES_ATTACHMENT_TYPES}.
 */
@ConfigurationProperties("borough.cases")
public record CasesProperties(
    @DefaultValue("BR") String referencePrefix,
    @DefaultValue("28d") Duration reopenWindow,
    @DefaultValue("10MB") DataSize attachmentMaxSize,
    @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"})
        Set<String> attachmentTypes) {}
