// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Places: the council's address gazetteer, every address with its UPRN, street (USRN), postcode,
 * position and ward, loaded from the council's own file (an AddressBase or LLPG extract) and looked
 * up by postcode or by words. Loading again applies the file as a change: new addresses are added,
 * changed ones updated, and those no longer in a full file retired, never deleted, so that a case
 * pointing at one still reads. See {@code docs/places.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Places",
    allowedDependencies = {"system", "audit", "catalogue"})
package org.borough.places;
