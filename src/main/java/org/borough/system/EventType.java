// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a {@link DomainEvent} is stored under in the outbox, and that consumers (notifications,
 * the warehouse) match on: {@code case.opened} at version 1 is stored as {@code case.opened.v1}.
 *
 * <p>It is declared, not taken from the class, so that renaming or moving a class cannot silently
 * stop the notifications and warehouse facts that follow from its events. Once released, a name
 * changes only with a migration that rewrites the stored rows; a change to what the payload means
 * is a new version, which each consumer then decides to handle or ignore.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

  /** Lower-case, the aggregate first: {@code case.status-changed}. */
  String value();

  /** Starts at 1; raised when a payload changes in a way a consumer must know about. */
  int version() default 1;
}
