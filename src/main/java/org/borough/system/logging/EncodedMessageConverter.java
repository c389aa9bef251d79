// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m}, {@code %msg} and {@code %message} with control characters encoded
 * (logback-spring.xml): every message can carry input, so it is done once here rather than at each
 * call site.
 */
public class EncodedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return LogText.encode(super.convert(event));
  }
}
