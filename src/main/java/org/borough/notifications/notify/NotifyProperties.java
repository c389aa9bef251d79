// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GOV.UK Notify, bound from {@code borough.notify.*}. Without an API key Borough sends email by
 * SMTP and no texts or letters. With one, each channel goes through Notify once it has a template:
 * a council makes, in Notify, one template per channel whose subject is {@code ((subject))} and
 * whose body is {@code ((body))}, and Borough fills them with its own words; or a template for one
 * message and channel, using the personalisation fields Borough always sends ({@code reference},
 * {@code service}, {@code status}, {@code link}, {@code council}, {@code first_name}).
 *
 * @param apiKey the service's API key ({@code BOROUGH_NOTIFY_API_KEY}); a team or test key works
 *     for trials, a live key for residents
 * @param baseUrl Notify's API; changed only for tests
 * @param emailTemplate the template id for emails; without it email goes by SMTP
 * @param smsTemplate the template id for text messages; without it no texts are sent and residents
 *     are not offered them
 * @param letterTemplate the template id for letters, sent to a resident Borough can reach no other
 *     way and whose postal address it holds; without it no letters are sent
 * @param templates template ids for one message on one channel, keyed {@code <message>.<channel>}
 *     in lower case ({@code received.letter}, {@code resolved.sms}); they win over the ones above
 * @param callbackToken the bearer token Notify sends with its delivery receipts, as entered on
 *     Notify's callbacks page; without it receipts are refused
 * @param timeout for connecting to Notify and for each answer
 */
@ConfigurationProperties("borough.notify")
public record NotifyProperties(
    String apiKey,
    @DefaultValue("https://api.notifications.service.gov.uk") URI baseUrl,
    String emailTemplate,
    String smsTemplate,
    String letterTemplate,
    Map<String, String> templates,
    String callbackToken,
    @DefaultValue("10s") Duration timeout) {

  public NotifyProperties {
    templates = templates == null ? Map.of() : Map.copyOf(templates);
  }

  boolean configured() {
    return apiKey != null && !apiKey.isBlank();
  }
}
