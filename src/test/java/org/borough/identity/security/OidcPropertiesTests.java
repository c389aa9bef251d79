// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.borough.identity.Role;
import org.junit.jupiter.api.Test;

/** How the single sign-on settings read: group mappings, and the username a claim stands for. */
class OidcPropertiesTests {

  private static OidcProperties with(String emailDomain, String roles, String teams) {
    return new OidcProperties(
        "https://idp.example.org",
        "borough",
        "secret",
        "your council account",
        "preferred_username",
        emailDomain,
        "groups",
        roles,
        teams);
  }

  @Test
  void groupsMapToRolesAndTeams() {
    OidcProperties p =
        with(null, " crm-agents=AGENT ; crm-leads = SUPERVISOR, CASEWORKER;;", "waste-team=waste");
    assertThat(p.rolesByGroup())
        .isEqualTo(
            Map.of(
                "crm-agents", Set.of(Role.AGENT),
                "crm-leads", Set.of(Role.SUPERVISOR, Role.CASEWORKER)));
    assertThat(p.teamsByGroup()).isEqualTo(Map.of("waste-team", Set.of("waste")));
    assertThat(with(null, "", "").rolesByGroup()).isEmpty();
  }

  @Test
  void aMistypedRoleOrEntryStopsBoroughStarting() {
    assertThatThrownBy(() -> with(null, "crm-agents=AGENTS", ""))
        .hasMessageContaining("AGENTS is not a Borough role");
    assertThatThrownBy(() -> with(null, "crm-agents", ""))
        .hasMessageContaining("is not group=VALUE");
    assertThatThrownBy(() -> with(null, "", "waste-team=").teamsByGroup())
        .hasMessageContaining("BOROUGH_OIDC_TEAMS");
  }

  @Test
  void anEmailAddressNamesStaffOnlyAtTheCouncilsOwnDomain() {
    OidcProperties council = with("Anytown.gov.uk", "", "");
    assertThat(council.username("Jo.Bloggs@anytown.gov.uk")).isEqualTo("jo.bloggs");
    assertThat(council.username("jo.bloggs@gmail.com")).isEmpty();
    assertThat(council.username("jo.bloggs@evil-anytown.gov.uk")).isEmpty();
    assertThat(council.username("@anytown.gov.uk")).isEmpty();
    assertThat(council.username(null)).isEmpty();
    OidcProperties plain = with(null, "", "");
    assertThat(plain.username(" JBloggs ")).isEqualTo("jbloggs");
    assertThat(plain.username("jo.bloggs@anytown.gov.uk"))
        .as("a whole address is no Borough username")
        .isEqualTo("jo.bloggs@anytown.gov.uk");
  }
}
