// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.borough.cases.CaseStatus;
import org.junit.jupiter.api.Test;

/** The pieces of the wire format that need no database: documents, datetimes, statuses. */
class Open311FormatTests {

  private final W3cTime time = new W3cTime(ZoneId.of("Europe/London"));

  @Test
  void rendersOneDocumentAsXmlAndAsSparkJson() {
    Doc doc =
        new Doc(
            "service_requests",
            new Doc.Arr(
                "request",
                List.of(
                    Doc.obj()
                        .put("service_request_id", "BR-2026-000001")
                        .put("status_notes", "")
                        .put("lat", new BigDecimal("51.500000"))
                        .put("metadata", true)
                        .put("account_id", null))));
    assertThat(doc.xml())
        .isEqualTo(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>BR-2026-000001</service_request_id>
                <status_notes/>
                <lat>51.500000</lat>
                <metadata>true</metadata>
                <account_id/>
              </request>
            </service_requests>
            """);
    assertThat(doc.json())
        .isEqualTo(
            "[{\"service_request_id\":\"BR-2026-000001\",\"status_notes\":null,"
                + "\"lat\":51.500000,\"metadata\":true,\"account_id\":null}]");
  }

  @Test
  void escapesMarkupAndDropsCharactersXmlCannotCarry() {
    Doc doc = new Doc("x", Doc.obj().put("d", "a<b>&\"c\u0001\u2028 😀"));
    assertThat(doc.xml()).contains("<d>a&lt;b&gt;&amp;\"c\u2028 😀</d>");
    assertThat(doc.json()).isEqualTo("{\"d\":\"a<b>&\\\"c\\u0001\\u2028 😀\"}");
  }

  @Test
  void writesDatetimesWithTheCouncilsOffset() {
    assertThat(time.format(Instant.parse("2026-07-01T12:00:00.123Z")))
        .isEqualTo("2026-07-01T13:00:00+01:00");
    assertThat(time.format(Instant.parse("2026-01-01T12:00:00Z")))
        .isEqualTo("2026-01-01T12:00:00+00:00");
  }

  @Test
  void readsDatetimesWithOrWithoutAnOffset() {
    Instant noon = Instant.parse("2026-07-01T11:00:00Z");
    assertThat(time.parse("2026-07-01T12:00:00+01:00")).contains(noon);
    assertThat(time.parse("2026-07-01T11:00:00Z")).contains(noon);
    assertThat(time.parse("2026-07-01T12:00:00")).as("London time").contains(noon);
    assertThat(time.parse("2026-07-01T12:00")).contains(noon);
    assertThat(time.parse("2026-07-01T12:00:00 01:00")).as("a + lost in a query").contains(noon);
    assertThat(time.parse("2026-07-01")).contains(Instant.parse("2026-06-30T23:00:00Z"));
    for (String bad : List.of("", "yesterday", "2026-13-01", "1/2/2026", "2026-07-01T25:00")) {
      assertThat(time.parse(bad)).as(bad).isEqualTo(Optional.empty());
    }
  }

  @Test
  void mapsEveryBoroughStatusBothWays() {
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(StatusMap.standard(s)).isIn("open", "closed");
      assertThat(StatusMap.EXTENDED).contains(StatusMap.extended(s).toUpperCase());
    }
    assertThat(StatusMap.target("OPEN", CaseStatus.IN_PROGRESS)).isEmpty();
    assertThat(StatusMap.target("REOPEN", CaseStatus.RESOLVED)).contains(CaseStatus.OPEN);
    assertThat(StatusMap.target("fixed", CaseStatus.NEW)).contains(CaseStatus.RESOLVED);
    assertThat(StatusMap.target("CLOSED", CaseStatus.CLOSED)).isEmpty();
    assertThat(StatusMap.target("INVESTIGATING", CaseStatus.OPEN)).contains(CaseStatus.IN_PROGRESS);
    assertThatThrownBy(() -> StatusMap.target("DUPLICATE", CaseStatus.OPEN))
        .isInstanceOf(Open311Exception.class);
    assertThatThrownBy(() -> StatusMap.target("MAYBE", CaseStatus.OPEN))
        .isInstanceOf(Open311Exception.class);
  }
}
