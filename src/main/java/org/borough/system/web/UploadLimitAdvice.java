// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the request limit fails before any controller is chosen, so this advice has no
 * selector: it turns that into a 413 page that says what to do, not a server error.
 */
@ControllerAdvice
class UploadLimitAdvice {

  private final LayoutAdvice layout;

  UploadLimitAdvice(LayoutAdvice layout) {
    this.layout = layout;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(Model model, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(413);
    model.addAttribute("reason", "The file is too large. Attach a file smaller than 10 MB.");
    return "error/409";
  }
}
