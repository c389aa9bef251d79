// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/**
 * The person who made a report, as a channel (the portal, an Open311 app) gives them: strings as
 * typed. See {@link Reporters#findOrRegister}.
 *
 * @param preferredChannel recorded on a new resident; null means email when one is given, else
 *     phone
 */
public record Reporter(
    String forename, String surname, String email, String phone, Channel preferredChannel) {}
