// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/**
 * A past-tense fact about a change (e.g. {@code CaseOpened}). Publishing one through Spring's event
 * publisher inside the transaction of the change writes it to the outbox in the same commit, so the
 * warehouse and notifications never miss a change nor see one that was rolled back.
 *
 * <p>Every event declares the name it is stored under with {@link EventType}.
 */
public interface DomainEvent {

  /**
   * The stored name of an event class, {@code case.opened.v1}: its {@link EventType} and version.
   */
  static String typeOf(Class<? extends DomainEvent> kind) {
    return EventTypeNames.NAMES.get(kind);
  }

  /** The kind of thing that changed: {@code case}, {@code resident}, {@code contact}. */
  String aggregateType();

  /** The id of the thing that changed. */
  String aggregateId();
}
