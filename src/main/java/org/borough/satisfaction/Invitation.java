// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

/** What the survey page shows about the case it asks about: its reference and service. */
public record Invitation(String reference, String serviceName) {}
