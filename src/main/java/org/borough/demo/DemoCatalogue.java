// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.borough.catalogue.AttributeType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.SlaPolicy;
import org.borough.identity.TeamId;

/**
 * The teams and the service catalogue of the demo council: services most London boroughs offer,
 * with the questions their forms ask, the team they go to and their SLA, plus what the generator
 * needs to make cases for them — how common they are through the year, what residents write, how
 * caseworkers resolve them and how often the target is met.
 */
final class DemoCatalogue {

  /** Where a service's cases happen: in the street, at the resident's home, or about the person. */
  enum Place {
    STREET,
    HOME,
    PERSON
  }

  record TeamSpec(String code, String name, String email, String userPrefix) {}

  static final TeamSpec CONTACT_CENTRE =
      new TeamSpec("contact-centre", "Contact centre", "contact.centre@example.org", "agent");

  static final List<TeamSpec> BACK_OFFICE =
      List.of(
          new TeamSpec("waste", "Waste and street cleansing", "waste@example.org", "waste"),
          new TeamSpec("highways", "Highways", "highways@example.org", "highways"),
          new TeamSpec(
              "street-lighting", "Street lighting", "street.lighting@example.org", "lighting"),
          new TeamSpec(
              "env-health",
              "Environmental health and noise",
              "env.health@example.org",
              "envhealth"),
          new TeamSpec("council-tax", "Council tax", "council.tax@example.org", "counciltax"),
          new TeamSpec(
              "housing-repairs", "Housing repairs", "housing.repairs@example.org", "repairs"),
          new TeamSpec("parking", "Parking services", "parking@example.org", "parking"));

  /** The complaints team: it works the complaint service's cases, which no generator draws. */
  static final TeamSpec COMPLAINTS =
      new TeamSpec(DemoComplaints.TEAM, "Complaints", "complaints@example.org", "complaints");

  /** The complaint service, for cases that follow the complaint handling code's stages. */
  static ServiceDefinition complaintService(TeamId team) {
    return new ServiceDefinition(
            DemoComplaints.SERVICE,
            "Make a complaint",
            "Complaints",
            "A complaint about a council service, answered under the complaint handling code",
            true,
            team,
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, java.util.Set.of()),
            List.of(),
            false)
        .withCaseType(org.borough.catalogue.CaseType.COMPLAINT);
  }

  /** A Freedom of Information or Environmental Information service, for the complaints team. */
  static ServiceDefinition informationService(TeamId team, org.borough.catalogue.CaseType type) {
    boolean foi = type == org.borough.catalogue.CaseType.FOI;
    return new ServiceDefinition(
            foi ? DemoInformationRequests.FOI : DemoInformationRequests.EIR,
            foi ? "Freedom of Information request" : "Environmental Information request",
            "Information requests",
            foi
                ? "Information the council holds, under the Freedom of Information Act 2000"
                : "Environmental information, under the Environmental Information Regulations 2004",
            true,
            team,
            Priority.NORMAL,
            new SlaPolicy(20, SlaPolicy.Unit.WORKING_DAYS, 75, java.util.Set.of("ON_HOLD")),
            List.of(),
            false)
        .withCaseType(type);
  }

  /** How a question is answered on a demo case; null when left blank. */
  interface Answer {
    List<String> of(Random random, LocalDate opened, Places.Street street);
  }

  record Question(ServiceAttribute attribute, Answer answer) {}

  /** A service and how the generator uses it. */
  record ServiceSpec(
      String code,
      String name,
      String group,
      String description,
      String teamCode,
      Priority priority,
      SlaPolicy sla,
      List<Question> questions,
      double weight,
      double[] season,
      Place place,
      double metRate,
      List<String> descriptions,
      List<String> resolutions,
      List<String> holdReasons) {

    ServiceSpec {
      List<Question> numbered = new ArrayList<>();
      for (Question q : questions) {
        ServiceAttribute a = q.attribute();
        numbered.add(
            new Question(
                new ServiceAttribute(
                    a.code(),
                    a.label(),
                    a.type(),
                    a.required(),
                    numbered.size() + 1,
                    a.helpText(),
                    a.values()),
                q.answer()));
      }
      questions = List.copyOf(numbered);
    }

    ServiceDefinition definition(TeamId team) {
      return new ServiceDefinition(
          code,
          name,
          group,
          description,
          true,
          team,
          priority,
          sla,
          questions.stream().map(Question::attribute).toList(),
          published());
    }

    /**
     * Public by nature: a problem in the street anyone can see, and a missed bin, out on the kerb
     * for the whole street to see. Nothing at a home or about a person is published.
     */
    boolean published() {
      return place == Place.STREET || code.equals("missed-bin");
    }

    /** How common the service is in a month (1–12) compared with the rest. */
    double weightIn(int month) {
      return weight * season[month - 1];
    }
  }

  private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  private static final double[] WINTER = {
    1.6, 1.6, 1.4, 1.1, 0.9, 0.8, 0.7, 0.7, 0.8, 1.0, 1.3, 1.5
  };
  private static final double[] DARK = {1.4, 1.2, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.2, 1.5, 1.6};
  private static final double[] SUMMER = {
    0.7, 0.7, 0.8, 1.0, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.8, 0.8
  };
  private static final double[] BILLS = {
    1.0, 1.1, 1.9, 1.7, 1.1, 0.9, 0.8, 0.8, 0.9, 0.9, 0.9, 0.8
  };
  private static final double[] SPRING = {
    0.7, 0.8, 1.1, 1.3, 1.3, 1.2, 1.1, 1.1, 1.0, 0.9, 0.8, 1.0
  };

  private static final Set<String> ON_HOLD = Set.of("ON_HOLD");
  private static final String[] YES_NO = {"yes", "Yes", "no", "No"};
  private static final String[] YES_NO_UNKNOWN = {
    "yes", "Yes", "no", "No", "unknown", "Don't know"
  };
  private static final String[] BIN_TYPES = {
    "refuse", "Rubbish (black bin)",
    "recycling", "Recycling (blue bin)",
    "food", "Food waste caddy",
    "garden", "Garden waste (brown bin)"
  };

  private DemoCatalogue() {}

  static List<ServiceSpec> services() {
    List<ServiceSpec> s = new ArrayList<>();
    s.add(
        new ServiceSpec(
            "missed-bin",
            "Missed bin collection",
            "Bins and recycling",
            "Report a bin that was not emptied on your collection day.",
            "waste",
            Priority.NORMAL,
            new SlaPolicy(2, SlaPolicy.Unit.WORKING_DAYS, 75, ON_HOLD),
            List.of(
                list("bin_type", "Which bin was missed?", true, null, BIN_TYPES),
                date(
                    "collection_date",
                    "Collection date",
                    true,
                    "The day the bin should have been emptied",
                    0,
                    2),
                list(
                    "out_by_7am",
                    "Was the bin out by 7am on collection day?",
                    true,
                    "Crews may start from 7am",
                    YES_NO),
                list(
                    "assisted",
                    "Do you have an assisted collection?",
                    false,
                    "Crews take the bin from your property if you cannot move it to the kerb",
                    YES_NO)),
            16,
            FLAT,
            Place.HOME,
            0.91,
            List.of(
                "Bin not emptied on collection day. It was out on the kerb from the night before.",
                "The whole of {street} was collected except our bin.",
                "Recycling missed again this week; the lorry drove past.",
                "Food caddy left full after the collection.",
                "Bin missed for the second week running."),
            List.of(
                "Crew returned and emptied the bin.",
                "Collected on the return visit the next working day.",
                "Bin emptied. Crew reminded to check the whole street."),
            List.of("Waiting for the crew to confirm the round was completed")));
    s.add(
        new ServiceSpec(
            "bulky-waste",
            "Bulky waste collection",
            "Bins and recycling",
            "Book a collection of large household items such as furniture and fridges.",
            "waste",
            Priority.LOW,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                multi(
                    "items",
                    "Items to collect",
                    true,
                    "Choose every item you want collected",
                    "sofa",
                    "Sofa",
                    "armchair",
                    "Armchair",
                    "mattress",
                    "Mattress",
                    "bed_frame",
                    "Bed frame",
                    "wardrobe",
                    "Wardrobe",
                    "table",
                    "Table",
                    "fridge_freezer",
                    "Fridge or freezer",
                    "washing_machine",
                    "Washing machine",
                    "television",
                    "Television",
                    "carpet",
                    "Carpet"),
                number(
                    "item_count", "Number of items", true, "Up to 10 items per collection", 1, 10),
                list(
                    "collection_point",
                    "Where will the items be?",
                    true,
                    null,
                    "front_garden",
                    "Front garden or driveway",
                    "kerbside",
                    "Kerbside",
                    "communal",
                    "Communal bin store"),
                text(
                    "access_notes",
                    "Anything the crew should know",
                    false,
                    "For example a gate code or parking restrictions",
                    "Side gate is unlocked",
                    "Items are behind the bin store",
                    "Please ring the bell, items are in the hallway")),
            6,
            SPRING,
            Place.HOME,
            0.9,
            List.of(
                "Collection of an old sofa and a mattress, please.",
                "Moving out and need a fridge freezer taken away.",
                "Old wardrobe and bed frame to collect.",
                "Washing machine has been replaced and needs collecting."),
            List.of(
                "Items collected.",
                "Collected on the booked day.",
                "Crew collected the items; one item was not on the booking and was left."),
            List.of(
                "Waiting for the resident to confirm the items",
                "Waiting for payment to be confirmed")));
    s.add(
        new ServiceSpec(
            "replacement-bin",
            "New or replacement bin",
            "Bins and recycling",
            "Ask for a new bin, or replace one that is lost, stolen or damaged.",
            "waste",
            Priority.LOW,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list("bin_type", "Which bin do you need?", true, null, BIN_TYPES),
                list(
                    "reason",
                    "Why do you need it?",
                    true,
                    null,
                    "lost",
                    "Lost or stolen",
                    "damaged",
                    "Damaged",
                    "new_property",
                    "New property",
                    "bigger",
                    "A larger bin")),
            4,
            FLAT,
            Place.HOME,
            0.88,
            List.of(
                "Bin was taken after collection day and not returned.",
                "Lid of the recycling bin is broken.",
                "Just moved into a new build and there are no bins.",
                "Wheel has come off the bin."),
            List.of("Replacement bin delivered.", "New bin delivered to the property."),
            List.of("Waiting for stock from the supplier")));
    s.add(
        new ServiceSpec(
            "fly-tipping",
            "Fly-tipping",
            "Street cleaning",
            "Report rubbish dumped illegally on a street, alley or open land.",
            "waste",
            Priority.HIGH,
            new SlaPolicy(2, SlaPolicy.Unit.WORKING_DAYS, 75, ON_HOLD),
            List.of(
                multi(
                    "waste_type",
                    "What has been dumped?",
                    true,
                    null,
                    "household",
                    "Household rubbish bags",
                    "furniture",
                    "Furniture",
                    "white_goods",
                    "Fridges or washing machines",
                    "rubble",
                    "Builders' rubble",
                    "garden",
                    "Garden waste",
                    "tyres",
                    "Tyres",
                    "hazardous",
                    "Chemicals, asbestos or needles"),
                list(
                    "amount",
                    "How much is there?",
                    true,
                    null,
                    "bag",
                    "A single bag",
                    "car_boot",
                    "A car boot load",
                    "van",
                    "A small van load",
                    "lorry",
                    "A lorry load or more"),
                list("private_land", "Is it on private land?", false, null, YES_NO_UNKNOWN),
                list(
                    "witnessed",
                    "Did you see who dumped it?",
                    false,
                    "Do not approach anyone you see fly-tipping",
                    YES_NO)),
            11,
            SUMMER,
            Place.STREET,
            0.86,
            List.of(
                "Pile of black bags dumped by the bins on {street}.",
                "Mattress and sofa left on the pavement on {street}.",
                "Builders' rubble dumped in the alley behind {street}.",
                "Someone has dumped a fridge on the corner.",
                "Bags of rubbish blocking the pavement, attracting foxes.",
                "Tyres dumped on the grass verge."),
            List.of(
                "Waste cleared by the street cleansing team.",
                "Cleared. Evidence passed to the enforcement officer.",
                "Area cleared and swept."),
            List.of(
                "Waiting for the landowner to clear private land",
                "Evidence being gathered before clearance")));
    s.add(
        new ServiceSpec(
            "graffiti",
            "Graffiti",
            "Street cleaning",
            "Report graffiti on walls, street furniture or shop fronts.",
            "waste",
            Priority.NORMAL,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "offensive",
                    "Is it offensive or racist?",
                    true,
                    "We remove offensive graffiti first",
                    YES_NO),
                list(
                    "surface",
                    "Where is it?",
                    true,
                    null,
                    "wall",
                    "A wall",
                    "shop_front",
                    "A shop front",
                    "bus_shelter",
                    "A bus shelter",
                    "street_furniture",
                    "A street sign, bin or bench",
                    "bridge",
                    "A bridge"),
                list(
                    "size",
                    "How big is it?",
                    false,
                    null,
                    "small",
                    "Smaller than 1 square metre",
                    "medium",
                    "1 to 5 square metres",
                    "large",
                    "Larger than 5 square metres")),
            3,
            FLAT,
            Place.STREET,
            0.87,
            List.of(
                "Tags sprayed on the wall on {street}.",
                "Graffiti on the bus shelter.",
                "Offensive words painted on the railway bridge.",
                "New graffiti on the shutters of the shops on {street}."),
            List.of("Graffiti removed.", "Painted over.", "Removed with the jet washer."),
            List.of("Waiting for the owner's permission to clean private property")));
    s.add(
        new ServiceSpec(
            "dog-fouling",
            "Dog fouling",
            "Street cleaning",
            "Report dog mess on pavements, parks and play areas.",
            "waste",
            Priority.LOW,
            new SlaPolicy(3, SlaPolicy.Unit.WORKING_DAYS, 80, Set.of()),
            List.of(
                list(
                    "location_type",
                    "Where is it?",
                    true,
                    null,
                    "pavement",
                    "Pavement",
                    "park",
                    "Park",
                    "playground",
                    "Playground",
                    "grass_verge",
                    "Grass verge"),
                list("recurring", "Is this a regular problem?", false, null, YES_NO),
                string(
                    "usual_time",
                    "When does it usually happen?",
                    false,
                    "For example, early mornings",
                    r -> pick(r, "Early mornings", "Evenings", "Weekends", "Every day"))),
            2,
            FLAT,
            Place.STREET,
            0.88,
            List.of(
                "Dog mess all along the pavement on {street}.",
                "Dog fouling by the entrance to the playground.",
                "Same dog owner leaves mess outside our house every morning."),
            List.of("Area cleaned.", "Cleaned; enforcement patrols added to the rota."),
            List.of()));
    s.add(
        new ServiceSpec(
            "dead-animal",
            "Dead animal",
            "Street cleaning",
            "Report a dead animal on a road, pavement or in a park.",
            "waste",
            Priority.HIGH,
            new SlaPolicy(1, SlaPolicy.Unit.WORKING_DAYS, 75, Set.of()),
            List.of(
                list(
                    "animal",
                    "What kind of animal?",
                    true,
                    null,
                    "fox",
                    "Fox",
                    "cat",
                    "Cat",
                    "dog",
                    "Dog",
                    "bird",
                    "Bird",
                    "squirrel",
                    "Squirrel",
                    "other",
                    "Other"),
                list(
                    "location",
                    "Where is it?",
                    true,
                    null,
                    "road",
                    "In the road",
                    "pavement",
                    "On the pavement",
                    "park",
                    "In a park",
                    "private_land",
                    "In a garden or on private land")),
            2,
            SUMMER,
            Place.STREET,
            0.9,
            List.of(
                "Dead fox in the road on {street}.",
                "Dead pigeon on the pavement by the shops.",
                "A cat has been hit by a car; it has a collar."),
            List.of("Removed.", "Removed. Cat was scanned for a microchip and the owner told."),
            List.of()));
    s.add(
        new ServiceSpec(
            "pothole",
            "Pothole",
            "Roads and pavements",
            "Report a pothole or damaged surface on a road, pavement or cycle lane.",
            "highways",
            Priority.HIGH,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 75, ON_HOLD),
            List.of(
                list(
                    "location",
                    "Where is the pothole?",
                    true,
                    null,
                    "road",
                    "Road",
                    "pavement",
                    "Pavement",
                    "cycle_lane",
                    "Cycle lane",
                    "footpath",
                    "Footpath"),
                list(
                    "size",
                    "How big is it?",
                    true,
                    null,
                    "small",
                    "Smaller than a dinner plate",
                    "medium",
                    "About the size of a car tyre",
                    "large",
                    "Bigger than a car tyre"),
                number(
                    "depth_cm",
                    "Roughly how deep is it, in centimetres?",
                    false,
                    "A guess is fine",
                    2,
                    20),
                list(
                    "caused_damage",
                    "Has it damaged a vehicle or injured someone?",
                    false,
                    "You can make a claim separately",
                    YES_NO)),
            8,
            WINTER,
            Place.STREET,
            0.82,
            List.of(
                "Deep pothole in the middle of {street}; cars are swerving round it.",
                "Pothole in the cycle lane, nearly came off my bike.",
                "Broken paving slabs on {street}, trip hazard.",
                "Pothole by the bus stop filled with water."),
            List.of(
                "Pothole made safe with a temporary repair; permanent repair scheduled.",
                "Permanent repair completed.",
                "Inspected: below the intervention level. Added to the resurfacing programme."),
            List.of("Waiting for a road closure permit", "Waiting for the contractor")));
    s.add(
        new ServiceSpec(
            "blocked-drain",
            "Blocked drain or gully",
            "Roads and pavements",
            "Report a blocked road drain or gully, or water that will not drain away.",
            "highways",
            Priority.NORMAL,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "flooding",
                    "Is there flooding?",
                    true,
                    null,
                    "none",
                    "No flooding",
                    "pooling",
                    "Water pooling on the road",
                    "property",
                    "Flooding into a property"),
                list("smell", "Is there a bad smell?", false, null, YES_NO)),
            3,
            WINTER,
            Place.STREET,
            0.85,
            List.of(
                "Road drain on {street} is blocked with leaves.",
                "Big puddle across the road every time it rains.",
                "Gully full of silt, water not draining."),
            List.of("Gully cleared by the jetting crew.", "Drain cleared and tested."),
            List.of("Passed to Thames Water: the blockage is in their sewer")));
    s.add(
        new ServiceSpec(
            "overgrown-vegetation",
            "Overhanging trees or hedges",
            "Roads and pavements",
            "Report trees or hedges blocking a pavement, a sign or a street light.",
            "highways",
            Priority.LOW,
            new SlaPolicy(15, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "obstruction",
                    "What is it blocking?",
                    true,
                    null,
                    "pavement",
                    "The pavement",
                    "road_sign",
                    "A road sign",
                    "street_light",
                    "A street light",
                    "sightline",
                    "The view at a junction"),
                list("street_tree", "Is it a street tree?", false, null, YES_NO_UNKNOWN)),
            2,
            SUMMER,
            Place.STREET,
            0.84,
            List.of(
                "Hedge overgrowing the pavement on {street}, pushchairs have to go in the road.",
                "Tree branches covering the street light.",
                "Can't see traffic at the junction because of the bushes."),
            List.of(
                "Cut back by the tree team.", "Owner written to and the hedge has been cut back."),
            List.of("Waiting for the owner to cut back the hedge")));
    s.add(
        new ServiceSpec(
            "street-light",
            "Street light not working",
            "Street lighting",
            "Report a street light that is out, flickering or on during the day.",
            "street-lighting",
            Priority.NORMAL,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                string(
                    "column_number",
                    "Lamp post number",
                    false,
                    "Printed on a label on the lamp post, for example SL1234",
                    r -> "SL" + (1000 + r.nextInt(9000))),
                list(
                    "fault",
                    "What is wrong?",
                    true,
                    null,
                    "out",
                    "Not working at all",
                    "day_burning",
                    "On during the day",
                    "flickering",
                    "Flickering",
                    "several",
                    "Several lights out in the street")),
            5,
            DARK,
            Place.STREET,
            0.86,
            List.of(
                "Street light outside the house has been out for a week.",
                "Light on {street} keeps flickering on and off.",
                "Three lamps out in a row, very dark walking home.",
                "Street light on all day."),
            List.of(
                "Lamp replaced.",
                "Fault repaired by the lighting contractor.",
                "Power supply fault fixed by UK Power Networks."),
            List.of("Waiting for UK Power Networks to repair the supply")));
    s.add(
        new ServiceSpec(
            "damaged-lamp-post",
            "Damaged or dangerous lamp post",
            "Street lighting",
            "Report a lamp post that has been hit, is leaning or has exposed wires.",
            "street-lighting",
            Priority.URGENT,
            new SlaPolicy(4, SlaPolicy.Unit.WORKING_HOURS, 75, Set.of()),
            List.of(
                list(
                    "hazard",
                    "What is the danger?",
                    true,
                    "If wires are exposed, keep away and call us",
                    "exposed_wires",
                    "Exposed wires",
                    "leaning",
                    "Leaning or knocked down",
                    "door_missing",
                    "Access door missing",
                    "other",
                    "Something else"),
                string(
                    "column_number",
                    "Lamp post number",
                    false,
                    "Printed on a label on the lamp post, for example SL1234",
                    r -> "SL" + (1000 + r.nextInt(9000)))),
            1,
            FLAT,
            Place.STREET,
            0.8,
            List.of(
                "Lamp post hit by a car overnight and leaning over the pavement.",
                "Cover missing from the base of the lamp post, wires showing.",
                "Lamp post on {street} is swaying in the wind."),
            List.of("Made safe by the emergency crew.", "Column removed; replacement ordered."),
            List.of()));
    s.add(
        new ServiceSpec(
            "noise",
            "Noise complaint",
            "Environmental health",
            "Report noise from a neighbour, business, building site or alarm.",
            "env-health",
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "noise_type",
                    "What kind of noise?",
                    true,
                    null,
                    "music",
                    "Loud music or TV",
                    "dog",
                    "Barking dog",
                    "construction",
                    "Building work",
                    "alarm",
                    "Burglar or car alarm",
                    "voices",
                    "Shouting or parties",
                    "commercial",
                    "A pub, club or shop"),
                multi(
                    "times",
                    "When does it happen?",
                    true,
                    "Choose all that apply",
                    "morning",
                    "Mornings",
                    "daytime",
                    "Daytime",
                    "evening",
                    "Evenings",
                    "night",
                    "Night (11pm to 7am)"),
                date("started_on", "When did it start?", false, null, 3, 120),
                string(
                    "source_address",
                    "Where is the noise coming from?",
                    false,
                    "Give the address if you know it",
                    null)),
            6,
            SUMMER,
            Place.HOME,
            0.84,
            List.of(
                "Loud music from the flat upstairs most nights until 3am.",
                "Dog next door barks all day while the owners are at work.",
                "Building work starting at 6am, including Sundays.",
                "Car alarm going off repeatedly through the night.",
                "Parties every weekend at the house opposite."),
            List.of(
                "Warning letter sent. Case closed as the noise has stopped.",
                "Noise abatement notice served.",
                "Diary sheets not returned; closed. The resident can reopen it."),
            List.of(
                "Waiting for the resident to return diary sheets",
                "Noise monitoring equipment installed")));
    s.add(
        new ServiceSpec(
            "pest-control",
            "Pest control",
            "Environmental health",
            "Book a pest control visit for rats, mice, cockroaches, bed bugs or wasps.",
            "env-health",
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "pest",
                    "What pest?",
                    true,
                    null,
                    "rats",
                    "Rats",
                    "mice",
                    "Mice",
                    "cockroaches",
                    "Cockroaches",
                    "bed_bugs",
                    "Bed bugs",
                    "wasps",
                    "A wasps' nest",
                    "fleas",
                    "Fleas"),
                list(
                    "where",
                    "Where are they?",
                    true,
                    null,
                    "inside",
                    "Inside the home",
                    "garden",
                    "In the garden",
                    "communal",
                    "In a communal area")),
            3,
            SUMMER,
            Place.HOME,
            0.87,
            List.of(
                "Rats in the garden, coming from the bins.",
                "Mice in the kitchen.",
                "Wasps' nest under the roof tiles.",
                "Cockroaches in the communal bin store."),
            List.of(
                "Treatment completed over two visits.",
                "Nest treated.",
                "Bait boxes laid and the entry point found."),
            List.of("Waiting for a second treatment visit")));
    s.add(
        new ServiceSpec(
            "council-tax-query",
            "Council tax query",
            "Council tax and benefits",
            "Ask about your bill, a discount, a payment arrangement or moving home.",
            "council-tax",
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                string(
                    "account_number",
                    "Council tax account number",
                    true,
                    "The 8-digit number on your bill",
                    r -> String.valueOf(40_000_000 + r.nextInt(9_999_999))),
                list(
                    "query_type",
                    "What is your query about?",
                    true,
                    null,
                    "moving",
                    "Moving in or out",
                    "single_person",
                    "Single person discount",
                    "payment_plan",
                    "A payment arrangement",
                    "bill_wrong",
                    "I think my bill is wrong",
                    "exemption",
                    "A student or other exemption",
                    "refund",
                    "A refund"),
                date("move_date", "Date of your move, if you are moving", false, null, -20, 30)),
            11,
            BILLS,
            Place.PERSON,
            0.83,
            List.of(
                "Moved out last month, please close my account.",
                "I live alone and would like the single person discount.",
                "Can I spread the payments over 12 months instead of 10?",
                "Bill shows the wrong band for the property.",
                "Paid twice by mistake, please refund the overpayment."),
            List.of(
                "Account updated and a new bill sent.",
                "Discount applied from the date requested.",
                "Payment arrangement set up.",
                "Refund issued."),
            List.of(
                "Waiting for the resident to send evidence",
                "Waiting for the Valuation Office Agency")));
    s.add(
        new ServiceSpec(
            "housing-repair",
            "Housing repair (council tenants)",
            "Housing",
            "Report a repair in a council home or a communal area of a council block.",
            "housing-repairs",
            Priority.NORMAL,
            new SlaPolicy(20, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "room",
                    "Which room?",
                    true,
                    null,
                    "kitchen",
                    "Kitchen",
                    "bathroom",
                    "Bathroom",
                    "bedroom",
                    "Bedroom",
                    "living_room",
                    "Living room",
                    "hallway",
                    "Hallway",
                    "communal",
                    "Communal area or outside"),
                list(
                    "problem",
                    "What is the problem?",
                    true,
                    null,
                    "leak",
                    "A leak",
                    "heating",
                    "Heating or hot water",
                    "electrics",
                    "Electrics",
                    "doors_windows",
                    "Doors or windows",
                    "damp",
                    "Damp or mould",
                    "other",
                    "Something else"),
                string(
                    "tenancy_reference",
                    "Tenancy reference",
                    false,
                    "On your tenancy agreement or rent statement",
                    r -> "T" + (1_000_000 + r.nextInt(9_000_000))),
                multi(
                    "access_times",
                    "When can we get in?",
                    false,
                    null,
                    "weekday_am",
                    "Weekday mornings",
                    "weekday_pm",
                    "Weekday afternoons",
                    "saturday",
                    "Saturday mornings"),
                text(
                    "details",
                    "Anything else we should know",
                    false,
                    null,
                    "There is a dog in the flat",
                    "Please call before the visit",
                    "Intercom is broken, knock on the door")),
            9,
            WINTER,
            Place.HOME,
            0.8,
            List.of(
                "Black mould on the bedroom ceiling and round the window.",
                "Kitchen tap dripping constantly.",
                "Bathroom extractor fan not working.",
                "Front door does not lock properly.",
                "Radiators cold in two rooms.",
                "Communal hallway light out on the third floor."),
            List.of(
                "Repair completed by the operative.",
                "Mould wash and anti-mould paint completed; ventilation checked.",
                "Part fitted and repair completed on second visit."),
            List.of("Waiting for parts", "No access: waiting for the tenant to rebook")));
    s.add(
        new ServiceSpec(
            "emergency-repair",
            "Emergency housing repair",
            "Housing",
            "Report a repair that puts people or the building at risk, in a council home.",
            "housing-repairs",
            Priority.URGENT,
            new SlaPolicy(8, SlaPolicy.Unit.WORKING_HOURS, 75, Set.of()),
            List.of(
                list(
                    "problem",
                    "What is the emergency?",
                    true,
                    null,
                    "flood",
                    "Flooding or a burst pipe",
                    "no_heating",
                    "No heating or hot water in cold weather",
                    "dangerous_electrics",
                    "Dangerous electrics",
                    "insecure",
                    "The front door cannot be secured"),
                list(
                    "vulnerable_household",
                    "Does anyone in the home have extra needs?",
                    false,
                    "For example a baby, an older person or someone who is ill",
                    YES_NO)),
            2,
            WINTER,
            Place.HOME,
            0.85,
            List.of(
                "Water pouring through the ceiling from the flat above.",
                "Boiler has stopped, no heating or hot water.",
                "Burning smell from the fuse box.",
                "Front door kicked in, cannot lock it."),
            List.of("Made safe by the out-of-hours operative.", "Repair completed."),
            List.of()));
    s.add(
        new ServiceSpec(
            "parking-permit",
            "Resident parking permit",
            "Parking and vehicles",
            "Apply for or change a resident, visitor, carer or business parking permit.",
            "parking",
            Priority.LOW,
            new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                list(
                    "permit_type",
                    "Which permit?",
                    true,
                    null,
                    "resident",
                    "Resident permit",
                    "visitor",
                    "Visitor vouchers",
                    "carer",
                    "Carer permit",
                    "business",
                    "Business permit"),
                string(
                    "registration",
                    "Vehicle registration",
                    true,
                    "For example AB12 CDE",
                    DemoCatalogue::registration),
                list(
                    "zone",
                    "Controlled parking zone",
                    true,
                    "Shown on the signs at the start of your street",
                    "A",
                    "Zone A",
                    "B",
                    "Zone B",
                    "C",
                    "Zone C",
                    "D",
                    "Zone D",
                    "E",
                    "Zone E",
                    "F",
                    "Zone F"),
                date("start_date", "When should it start?", false, null, -14, -1)),
            5,
            FLAT,
            Place.PERSON,
            0.9,
            List.of(
                "New car, please move my permit to the new registration.",
                "Applying for a resident permit, proof of address attached.",
                "Need visitor vouchers for a carer.",
                "Permit renewal."),
            List.of("Permit issued.", "Permit updated to the new vehicle.", "Vouchers posted."),
            List.of("Waiting for proof of address", "Waiting for the V5C logbook")));
    s.add(
        new ServiceSpec(
            "abandoned-vehicle",
            "Abandoned vehicle",
            "Parking and vehicles",
            "Report a vehicle that seems to have been left on the street.",
            "parking",
            Priority.NORMAL,
            new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, ON_HOLD),
            List.of(
                string(
                    "registration",
                    "Vehicle registration",
                    false,
                    "Leave blank if there are no plates",
                    DemoCatalogue::registration),
                string(
                    "make",
                    "Make and model",
                    true,
                    null,
                    r ->
                        pick(
                            r,
                            "Ford Focus",
                            "Vauxhall Corsa",
                            "Volkswagen Golf",
                            "Toyota Prius",
                            "BMW 3 Series",
                            "Nissan Micra",
                            "Ford Transit")),
                string(
                    "colour",
                    "Colour",
                    false,
                    null,
                    r -> pick(r, "Silver", "Black", "White", "Blue", "Red", "Grey")),
                list("taxed", "Is it taxed?", false, "You can check on GOV.UK", YES_NO_UNKNOWN),
                number("days_parked", "How many days has it been there?", false, null, 3, 60)),
            3,
            FLAT,
            Place.STREET,
            0.84,
            List.of(
                "Car with flat tyres has not moved for weeks on {street}.",
                "Van with smashed windows parked on the corner.",
                "Untaxed car, full of rubbish, parked outside for a month."),
            List.of(
                "Vehicle removed.",
                "Owner traced and the vehicle moved.",
                "Vehicle is taxed and not abandoned; no further action."),
            List.of("Notice fixed to the vehicle; waiting for the notice period")));
    return List.copyOf(s);
  }

  // --- question builders ----------------------------------------------------------------------

  private static Question list(
      String code, String label, boolean required, String help, String... keysAndNames) {
    return choice(AttributeType.SINGLE_VALUE_LIST, code, label, required, help, keysAndNames);
  }

  private static Question multi(
      String code, String label, boolean required, String help, String... keysAndNames) {
    return choice(AttributeType.MULTI_VALUE_LIST, code, label, required, help, keysAndNames);
  }

  private static Question choice(
      AttributeType type,
      String code,
      String label,
      boolean required,
      String help,
      String... keysAndNames) {
    List<ServiceAttribute.Value> values = new ArrayList<>();
    for (int i = 0; i < keysAndNames.length; i += 2) {
      values.add(new ServiceAttribute.Value(keysAndNames[i], keysAndNames[i + 1]));
    }
    Answer answer =
        (random, opened, street) -> {
          if (type == AttributeType.SINGLE_VALUE_LIST) {
            return List.of(values.get(random.nextInt(values.size())).key());
          }
          List<String> chosen = new ArrayList<>();
          int wanted = 1 + random.nextInt(Math.min(3, values.size()));
          for (ServiceAttribute.Value v : values) {
            if (chosen.size() < wanted && random.nextInt(values.size()) < wanted + 1) {
              chosen.add(v.key());
            }
          }
          if (chosen.isEmpty()) {
            chosen.add(values.get(random.nextInt(values.size())).key());
          }
          return chosen;
        };
    return question(type, code, label, required, help, values, answer);
  }

  private static Question number(
      String code, String label, boolean required, String help, int min, int max) {
    return question(
        AttributeType.NUMBER,
        code,
        label,
        required,
        help,
        List.of(),
        (random, opened, street) -> List.of(String.valueOf(min + random.nextInt(max - min + 1))));
  }

  /** A date {@code fromDays} to {@code toDays} before the case was opened (negative: after). */
  private static Question date(
      String code, String label, boolean required, String help, int fromDays, int toDays) {
    return question(
        AttributeType.DATE,
        code,
        label,
        required,
        help,
        List.of(),
        (random, opened, street) ->
            List.of(
                opened
                    .minusDays(
                        Math.min(fromDays, toDays)
                            + random.nextInt(Math.abs(toDays - fromDays) + 1))
                    .toString()));
  }

  private static Question text(
      String code, String label, boolean required, String help, String... samples) {
    return question(
        AttributeType.TEXT,
        code,
        label,
        required,
        help,
        List.of(),
        (random, opened, street) -> List.of(samples[random.nextInt(samples.length)]));
  }

  /** A short answer; with no generator, a number in the street where the case is. */
  private static Question string(
      String code,
      String label,
      boolean required,
      String help,
      Function<Random, String> generator) {
    Answer answer =
        generator == null
            ? (random, opened, street) -> List.of((1 + random.nextInt(120)) + " " + street.name())
            : (random, opened, street) -> List.of(generator.apply(random));
    return question(AttributeType.STRING, code, label, required, help, List.of(), answer);
  }

  private static Question question(
      AttributeType type,
      String code,
      String label,
      boolean required,
      String help,
      List<ServiceAttribute.Value> values,
      Answer answer) {
    // The position is set from the order of the list by ServiceSpec.
    return new Question(
        new ServiceAttribute(code, label, type, required, 0, help, List.copyOf(values)), answer);
  }

  /** Fictional plates: 'ZZ' is never issued as a memory tag, so no real car is named. */
  static String registration(Random random) {
    String letters = "ABCDEFGHJKLMNOPRSTUVWXY";
    return "ZZ"
        + String.format("%02d", 15 + random.nextInt(10) + (random.nextBoolean() ? 50 : 0))
        + " "
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()));
  }

  static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
