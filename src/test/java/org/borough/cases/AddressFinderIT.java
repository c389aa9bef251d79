// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Find an address" on the console's case forms, on H2 and PostgreSQL: a postcode lists the
 * gazetteer's addresses there, the one chosen fills in the location to check, and the case raised
 * carries its UPRN; each mistake is named on the page.
 */
class AddressFinderIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired CaseManagement cases;

  @BeforeEach
  void gazetteer() throws Exception {
    assertThat(
            mvc.perform(
                    post("/api/v1/admin/gazetteer")
                        .contentType("text/csv")
                        .content(
                            "UPRN,LINE1,TOWN,POSTCODE,LATITUDE,LONGITUDE\n"
                                + "700012,12 Acacia Road,London,SE30 1AB,51.481,-0.041\n"
                                + "700002,2 Acacia Road,London,SE30 1AB,51.482,-0.042\n")
                        .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void aPostcodeListsTheAddressesAndTheOneChosenFillsInTheLocation() throws Exception {
    String found =
        page(raise().param("find", "postcode").param("findPostcode", "se30 1ab"))
            .getContentAsString();
    assertThat(found)
        .contains("2 addresses found: select one")
        .containsSubsequence("2 Acacia Road, London, SE30 1AB", "12 Acacia Road, London, SE30 1AB")
        .doesNotContain("govuk-error-summary");

    String chosen =
        page(raise()
                .param("find", "use")
                .param("findPostcode", "se30 1ab")
                .param("chosenUprn", "700012")
                .param("description", "kept as typed"))
            .getContentAsString();
    assertThat(chosen)
        .contains(
            "value=\"12 Acacia Road, London, SE30 1AB\"",
            "value=\"700012\"",
            "value=\"51.481\"",
            "value=\"-0.041\"",
            "kept as typed");

    String url =
        mvc.perform(
                raise()
                    .param("description", "Black bin missed")
                    .param("attr-bin_type", "general")
                    .param("address", "12 Acacia Road, London, SE30 1AB")
                    .param("uprn", "700012")
                    .param("latitude", "51.481")
                    .param("longitude", "-0.041"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(url).startsWith("/cases/");
    CaseView raised =
        signedIn.as(Fixtures.AGENT, () -> cases.viewByReference(url.substring("/cases/".length())));
    assertThat(raised.uprn()).isEqualTo(700012L);

    String onDetails =
        page(post("/cases/" + raised.reference() + "/details")
                .with(signedIn.request(Fixtures.CASEWORKER))
                .with(csrf())
                .param("find", "postcode")
                .param("findPostcode", "SE30 1AB"))
            .getContentAsString();
    assertThat(onDetails).contains("2 addresses found: select one");
  }

  @Test
  void aResidentsAddressIsFilledInFromTheGazetteer() throws Exception {
    String chosen =
        page(post("/residents/new")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf())
                .param("find", "use")
                .param("findPostcode", "SE30 1AB")
                .param("chosenUprn", "700002")
                .param("forename", "Ada"))
            .getContentAsString();
    assertThat(chosen)
        .contains(
            "value=\"2 Acacia Road\"",
            "value=\"London\"",
            "value=\"SE30 1AB\"",
            "value=\"700002\"",
            "value=\"Ada\"",
            "2 addresses found: select one")
        .doesNotContain("govuk-error-summary");
  }

  @Test
  void eachMistakeIsNamed() throws Exception {
    assertThat(page(raise().param("find", "postcode")).getContentAsString())
        .contains("govuk-error-summary", "Enter a postcode to find the address");
    assertThat(
            page(raise().param("find", "postcode").param("findPostcode", "ZZ"))
                .getContentAsString())
        .contains("Enter a full UK postcode, like SW1A 1AA");
    assertThat(
            page(raise().param("find", "postcode").param("findPostcode", "SE1 1AA"))
                .getContentAsString())
        .contains("No addresses were found for SE1 1AA: check it, or enter the location below");
    assertThat(
            page(raise().param("find", "use").param("findPostcode", "SE30 1AB"))
                .getContentAsString())
        .contains("Select an address", "2 addresses found");
  }

  private MockHttpServletRequestBuilder raise() {
    return post("/cases/new")
        .with(signedIn.request(Fixtures.AGENT))
        .with(csrf())
        .param("service", Fixtures.MISSED_BIN)
        .param("channel", "PHONE");
  }

  private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r;
  }
}
