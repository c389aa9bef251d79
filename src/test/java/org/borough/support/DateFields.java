// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.time.LocalDate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A GOV.UK date input's three fields, as a browser would post them. */
public final class DateFields {

  private DateFields() {}

  public static MockHttpServletRequestBuilder date(
      MockHttpServletRequestBuilder request, String name, LocalDate date) {
    return request
        .param(name + "-day", String.valueOf(date.getDayOfMonth()))
        .param(name + "-month", String.valueOf(date.getMonthValue()))
        .param(name + "-year", String.valueOf(date.getYear()));
  }
}
