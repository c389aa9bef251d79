// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * GOV.UK's "find an address" on a staff form, without JavaScript: the officer types a postcode and
 * presses "Find address", chooses one of the gazetteer's addresses there and presses "Use this
 * address", and the form's address fields are filled in from it, to check before saving. The fields
 * stay open for a place the gazetteer does not hold. The page includes {@code
 * fragments/find-address :: finder}.
 */
@Component
public class AddressFinder {

  /** Fills a case's location: the address on one line, UPRN, position and ward. */
  public static final BiConsumer<Address, MultiValueMap<String, String>> CASE_LOCATION =
      (a, form) -> {
        form.set("address", a.oneLine());
        form.set("uprn", Long.toString(a.uprn()));
        form.set("latitude", a.latitude().toPlainString());
        form.set("longitude", a.longitude().toPlainString());
        ward(a, form);
      };

  /** Fills a postal address: its lines, town, postcode, UPRN and ward. */
  public static final BiConsumer<Address, MultiValueMap<String, String>> POSTAL_ADDRESS =
      (a, form) -> {
        form.set("addressLine1", a.line1());
        form.set("addressLine2", a.line2());
        form.set("town", a.town());
        form.set("postcode", a.postcode());
        form.set("uprn", Long.toString(a.uprn()));
        ward(a, form);
      };

  /** The button's name: "postcode" finds, "use" fills in the chosen address. */
  static final String ACTION = "find";

  private final Gazetteer gazetteer;

  AddressFinder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** Whether the form was sent by one of the finder's buttons rather than to be saved. */
  public static boolean asked(MultiValueMap<String, String> form) {
    return form.containsKey(ACTION);
  }

  /**
   * Does what the button asked: returns the form to show again (filled in by {@code fill} after
   * "Use this address") and puts the addresses found, as {@code foundAddresses}, on the model.
   */
  public MultiValueMap<String, String> apply(
      MultiValueMap<String, String> form,
      Model model,
      Map<String, String> errors,
      BiConsumer<Address, MultiValueMap<String, String>> fill) {
    MultiValueMap<String, String> shown = new LinkedMultiValueMap<>(form);
    shown.remove(ACTION);
    if ("use".equals(form.getFirst(ACTION))) {
      use(form.getFirst("chosenUprn"), shown, errors, fill);
    }
    String postcode = Inputs.stripped(form.getFirst("findPostcode"));
    if (postcode == null) {
      errors.putIfAbsent("findPostcode", "Enter a postcode to find the address");
      return shown;
    }
    try {
      List<Address> found = gazetteer.atPostcode(postcode);
      if (found.isEmpty()) {
        errors.put(
            "findPostcode",
            "No addresses were found for " + postcode + ": check it, or enter the location below");
      } else {
        Map<String, String> options = new LinkedHashMap<>();
        found.forEach(a -> options.put(Long.toString(a.uprn()), a.oneLine()));
        model.addAttribute("foundAddresses", options);
      }
    } catch (InvalidInputException e) {
      errors.put("findPostcode", "Enter a full UK postcode, like SW1A 1AA");
    }
    return shown;
  }

  private void use(
      String chosen,
      MultiValueMap<String, String> shown,
      Map<String, String> errors,
      BiConsumer<Address, MultiValueMap<String, String>> fill) {
    Long uprn = Inputs.whole(chosen, 1, 999_999_999_999L).orElse(null);
    if (uprn == null) {
      errors.put("chosenUprn", "Select an address");
      return;
    }
    try {
      fill.accept(gazetteer.find(uprn), shown);
    } catch (NotFoundException e) {
      errors.put("chosenUprn", "Select an address");
    }
  }

  /** The address's ward, when the gazetteer knows it; otherwise the one chosen stays. */
  private static void ward(Address a, MultiValueMap<String, String> form) {
    if (a.wardCode() != null) {
      form.set("wardCode", a.wardCode());
    }
  }
}
