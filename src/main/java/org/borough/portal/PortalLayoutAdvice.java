// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The portal's header shows "Sign in", or the signed-in resident's links and "Sign out". */
@ControllerAdvice(basePackageClasses = PortalController.class)
class PortalLayoutAdvice {

  @ModelAttribute
  void resident(HttpServletRequest request, Model model) {
    model.addAttribute(
        "residentEmail", ResidentSession.of(request).map(ResidentSession::email).orElse(null));
  }
}
