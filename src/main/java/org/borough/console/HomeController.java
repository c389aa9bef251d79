// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "console/home";
  }
}
