// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Staff, their roles and teams, and how they prove who they are: form sign-in with lockout for the
 * console, hashed bearer tokens for the JSON API, and the permission matrix that every other module
 * enforces (see docs/security.md).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"system", "audit"})
package org.borough.identity;
