// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/** Reads each event class's {@link EventType} once. */
final class EventTypeNames {

  static final ClassValue<String> NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> kind) {
          EventType type = kind.getAnnotation(EventType.class);
          if (type == null) {
            // Caught by EventTypesTests before it can reach a running council.
            throw new IllegalStateException(
                kind.getName() + " does not declare its stored name with @EventType");
          }
          return type.value() + ".v" + type.version();
        }
      };

  private EventTypeNames() {}
}
