// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Random;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Councils in Wales and Scotland have wards too, and a UPRN is an identifier, not a quantity: Welsh
 * (W05…) and Scottish (S13…) ward codes are taken like English ones, and a UPRN is shown as its
 * twelve digits, never as "100,099,001,506".
 */
class PlacesAcrossNationsIT extends IntegrationTest {

  @Autowired ServiceCatalogue catalogue;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;

  @Test
  void welshAndScottishWardCodesAreTakenAndOthersRefused() {
    String digits = String.format("%06d", new Random().nextInt(1_000_000));
    catalogue.addWard(new Ward("W05" + digits, "Cwm " + digits));
    catalogue.addWard(new Ward("S13" + digits, "Glen " + digits));

    assertThat(catalogue.wards())
        .extracting(Ward::gssCode)
        .contains("W05" + digits, "S13" + digits);
    assertThatThrownBy(() -> catalogue.addWard(new Ward("X05" + digits, "Nowhere")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gssCode");
  }

  @Test
  void aUprnIsShownAsItsDigits() throws Exception {
    ResidentId id =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    new ResidentDetails(
                        "Ursula",
                        "Prn",
                        null,
                        null,
                        null,
                        "1 Long Number Road",
                        null,
                        "Town",
                        "SW1A 1AA",
                        100099001506L,
                        Fixtures.WARD,
                        null,
                        null,
                        null,
                        null)));

    String page =
        mvc.perform(get("/residents/" + id).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("UPRN 100099001506").doesNotContain("100,099,001,506");
  }
}
