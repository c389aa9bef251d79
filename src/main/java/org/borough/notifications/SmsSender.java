// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

/**
 * Sends a text message. Borough ships {@link LoggingSmsSender}; a council plugs in its SMS gateway
 * (GOV.UK Notify, say) by defining a bean of this type.
 */
public interface SmsSender {

  /**
   * Sends {@code text} to a UK mobile number.
   *
   * @param phone the number in E.164, e.g. {@code +447700900123}
   * @throws RuntimeException when it could not be sent; the message is retried later
   */
  void send(String phone, String text);
}
