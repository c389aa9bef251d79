// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The software bill of materials the build writes (CycloneDX, from the jar's dependencies) is
 * served to administrators, as a council's security review asks, and to no one else.
 */
class SbomIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;

  @Test
  void administratorsGetTheCycloneDxBillOfMaterialsAndOthersDoNot() throws Exception {
    mvc.perform(get("/actuator/sbom/application").with(signedIn.request(Fixtures.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.bomFormat").value("CycloneDX"))
        .andExpect(
            jsonPath("$.components[?(@.name == 'spring-boot')].version")
                .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("4."))));
    mvc.perform(get("/actuator/sbom/application").with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());
  }
}
