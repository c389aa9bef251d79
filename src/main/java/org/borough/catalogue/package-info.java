// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The service catalogue (Open311's 'services'): what residents can ask for, the typed attributes
 * each service's form asks, the team it goes to and its SLA policy; and the borough's wards.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Service catalogue",
    allowedDependencies = {"system", "audit", "identity"})
package org.borough.catalogue;
