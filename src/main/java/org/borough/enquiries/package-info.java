// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Councillor enquiries: councillors (the COUNCILLOR role, tied to the wards they represent) raise
 * enquiries for residents of their wards as cases of a councillor-enquiry service, answered by that
 * service's SLA; they follow their enquiries and see the cases in their wards as the public may see
 * them. Officers of the service's team answer on the enquiry's page, which resolves the case and
 * tells the resident. The case keeps the words; this module keeps who raised what for which ward.
 * See {@code docs/enquiries.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Councillor enquiries",
    allowedDependencies = {"system", "identity", "catalogue", "residents", "cases"})
package org.borough.enquiries;
