// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} with each exception's message encoded as {@link LogText} does: a stack
 * trace is many lines by design, but its messages ("Invalid parameter: …") often quote input, and
 * must not add lines of their own.
 */
public class EncodedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return super.throwableProxyToString(new Encoded(tp));
  }

  /** The same exception, its messages encoded, its causes and suppressed ones too. */
  private record Encoded(IThrowableProxy tp) implements IThrowableProxy {

    @Override
    public String getMessage() {
      return LogText.encode(tp.getMessage());
    }

    @Override
    public String getOverridingMessage() {
      return LogText.encode(tp.getOverridingMessage());
    }

    @Override
    public String getClassName() {
      return tp.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return tp.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return tp.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return tp.getCause() == null ? null : new Encoded(tp.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = tp.getSuppressed();
      return suppressed == null
          ? null
          : Arrays.stream(suppressed).map(Encoded::new).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
      return tp.isCyclic();
    }
  }
}
