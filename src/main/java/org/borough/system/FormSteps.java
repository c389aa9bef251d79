// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shape of one action on a console page: do it; when it works, a banner and a redirect (so a
 * reload does not do it twice); when it is refused, the same page again with the errors in its
 * error summary. A refusal that is no field's fault (already answered, a colleague's change) is
 * shown against the action's first field.
 */
public final class FormSteps {

  private FormSteps() {}

  /**
   * @param field where a refusal that names no field is shown
   * @param again the page drawn again with the errors
   * @param next the path to redirect to once done, read after the action
   */
  public static String run(
      Runnable action,
      String field,
      Function<Map<String, String>, String> again,
      RedirectAttributes redirect,
      String done,
      Supplier<String> next) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      return again.apply(e.errors());
    } catch (ConflictException e) { // and StaleEditException, a kind of it
      return again.apply(Map.of(field, e.getMessage()));
    }
    redirect.addFlashAttribute("banner", done);
    return "redirect:" + next.get();
  }

  /** The constant a form's radio sent, or null for a missing or unknown one (refused later). */
  public static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
