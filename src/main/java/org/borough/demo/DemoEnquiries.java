// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.SlaPolicy;
import org.borough.catalogue.Ward;
import org.borough.enquiries.CouncillorEnquiries;
import org.borough.enquiries.Enquiry;
import org.borough.enquiries.NewEnquiry;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.identity.TeamId;

/**
 * Councillors and their enquiries for the demo borough: each councillor represents a share of the
 * wards and raises a few enquiries through the enquiries module, as they would from the console;
 * the supervisor answers about half, so the queue and the councillors' pages both have something.
 * Raised today: the module keeps no back-dated history to generate.
 */
final class DemoEnquiries {

  static final String SERVICE = "councillor-enquiry";
  static final int COUNCILLORS = 3;
  private static final int PER_COUNCILLOR = 4;

  private static final String[] WHAT = {
    "Residents of the flats say the communal bins have been missed three weeks running.",
    "Fly-tipping behind the parade of shops has been there for a fortnight.",
    "A streetlight on the corner has been out since last month; people feel unsafe.",
    "The pavement outside the school is broken and a parent tripped on it.",
    "Graffiti on the bus shelter has been reported twice without anyone coming.",
    "An elderly resident is waiting for a repair to a council-owned handrail."
  };

  private DemoEnquiries() {}

  /** The councillor-enquiry service, answered by the contact centre's supervisor. */
  static ServiceDefinition service(TeamId team) {
    return new ServiceDefinition(
            SERVICE,
            "Councillor enquiry",
            "Councillors",
            "An enquiry a councillor raises for a resident of their ward",
            true,
            team,
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, java.util.Set.of("ON_HOLD")),
            List.of(),
            false)
        .withCaseType(org.borough.catalogue.CaseType.MEMBER_ENQUIRY);
  }

  /** Ties councillor i to every COUNCILLORS-th ward, raises their enquiries; returns how many. */
  static int load(CouncillorEnquiries enquiries, List<Ward> wards, String answerer, long seed) {
    Random random = Seeds.random(seed, Seeds.ENQUIRIES, 0);
    int raised = 0;
    for (int i = 0; i < COUNCILLORS; i++) {
      String councillor = "councillor" + (i + 1);
      int first = i;
      List<Ward> own =
          java.util.stream.IntStream.range(0, wards.size())
              .filter(w -> w % COUNCILLORS == first)
              .mapToObj(wards::get)
              .toList();
      if (own.isEmpty()) {
        continue;
      }
      Acting.as(
          () -> {
            enquiries.setWards(
                councillor,
                own.stream().map(Ward::gssCode).collect(java.util.stream.Collectors.toSet()));
            return null;
          },
          "STAFF_ADMIN");
      for (int n = 0; n < PER_COUNCILLOR; n++) {
        Ward ward = own.get(random.nextInt(own.size()));
        boolean named = random.nextBoolean();
        Random names = random;
        Enquiry e =
            ServicePrincipal.call(
                councillor,
                EnumSet.of(Permission.ENQUIRY_RAISE),
                () ->
                    enquiries.raise(
                        new NewEnquiry(
                            ward.gssCode(),
                            SERVICE,
                            named ? People.forename(names) : null,
                            named ? People.surname(names) : null,
                            null,
                            null,
                            null,
                            null,
                            WHAT[names.nextInt(WHAT.length)],
                            null)));
        raised++;
        if (n % 2 == 0) {
          ServicePrincipal.call(
              answerer,
              EnumSet.of(
                  Permission.ENQUIRY_RESPOND,
                  Permission.CASE_READ,
                  Permission.CASE_NOTE,
                  Permission.CASE_WORK,
                  Permission.CASE_WORK_ANY_TEAM),
              () -> {
                enquiries.respond(
                    e.reference(),
                    "Thank you. The team visited on the day of your enquiry and the problem is"
                        + " now dealt with; we will keep an eye on it.");
                return null;
              });
        }
      }
    }
    return raised;
  }
}
