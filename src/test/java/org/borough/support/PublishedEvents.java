// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.util.Map;
import java.util.TreeMap;
import org.borough.system.DomainEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Every event Borough publishes, found on the classpath: the classes consumers must decide on. */
public final class PublishedEvents {

  private PublishedEvents() {}

  /** Each event class by its stored name ({@code case.opened.v1}). */
  @SuppressWarnings("unchecked")
  public static Map<String, Class<? extends DomainEvent>> byName() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
    Map<String, Class<? extends DomainEvent>> events = new TreeMap<>();
    for (BeanDefinition found : scanner.findCandidateComponents("org.borough")) {
      Class<?> kind = ClassUtils.resolveClassName(found.getBeanClassName(), null);
      String name = DomainEvent.typeOf((Class<? extends DomainEvent>) kind);
      Class<?> before = events.put(name, (Class<? extends DomainEvent>) kind);
      if (before != null) {
        throw new AssertionError(before + " and " + kind + " are both stored as " + name);
      }
    }
    return events;
  }
}
