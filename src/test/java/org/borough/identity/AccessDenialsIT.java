// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A refusal to someone signed in is an audit entry, whether a URL rule or a service method refused
 * it, with the path but never its query (which can hold a resident's name).
 */
class AccessDenialsIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired AuditLog audit;

  @Test
  void refusalsToSignedInUsersAreAudited() throws Exception {
    mvc.perform(get("/actuator/metrics?q=Smith").with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/privacy/erasures").with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());

    List<AuditLog.Entry> denied =
        signedIn
            .as(
                Fixtures.ADMIN,
                () -> audit.read(new AuditLog.AuditQuery("access", null, Fixtures.AGENT, null, 50)))
            .stream()
            .filter(e -> e.action() == AuditAction.ACCESS_DENIED)
            .toList();
    assertThat(denied)
        .extracting(AuditLog.Entry::detail)
        .contains("GET /actuator/metrics", "ErasureController.register")
        .noneMatch(d -> d.contains("Smith"));
  }
}
