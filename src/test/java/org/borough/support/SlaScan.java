// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.lang.reflect.Method;
import org.springframework.context.ApplicationContext;

/** Runs the SLA watch once, as its timer would; the watch is internal to the cases module. */
public final class SlaScan {

  private SlaScan() {}

  public static void now(ApplicationContext context) throws Exception {
    Class<?> type = Class.forName("org.borough.cases.internal.SlaWatch");
    Method scan = type.getDeclaredMethod("scan");
    scan.setAccessible(true);
    scan.invoke(context.getBean(type));
  }
}
