// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletResponse;
import org.borough.system.ConflictException;
import org.borough.system.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Console pages: unknown ids give the 404 page, impossible actions a page that says why. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

  private final LayoutAdvice layout;

  PageErrorAdvice(LayoutAdvice layout) {
    this.layout = layout;
  }

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
  String notFound(Model model, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(404);
    return "error/404";
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(409);
    model.addAttribute("reason", e.getMessage());
    return "error/409";
  }
}
