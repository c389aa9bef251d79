// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fictional people: names as varied as a London borough's, phone numbers only from Ofcom's ranges
 * reserved for drama (so no real person is ever rung), and email addresses at the domains reserved
 * for examples.
 */
final class People {

  // Roughly in order of how common they are, so the skewed pick gives realistic repeats.
  static final String[] FORENAMES = {
    "Olivia",
    "Oliver",
    "Amelia",
    "Muhammad",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Mia",
    "Jack",
    "Sophie",
    "Harry",
    "Grace",
    "Leo",
    "Lily",
    "Charlie",
    "Emily",
    "Jacob",
    "Freya",
    "Thomas",
    "Chloe",
    "James",
    "Ella",
    "William",
    "Zara",
    "Joshua",
    "Aisha",
    "Daniel",
    "Fatima",
    "Samuel",
    "Hannah",
    "Adam",
    "Sarah",
    "David",
    "Emma",
    "Michael",
    "Rebecca",
    "Ahmed",
    "Priya",
    "Ryan",
    "Laura",
    "Mohammed",
    "Jessica",
    "Ali",
    "Megan",
    "Omar",
    "Amira",
    "Joseph",
    "Katie",
    "Ben",
    "Nia",
    "Kwame",
    "Chiara",
    "Tomasz",
    "Agnieszka",
    "Ewa",
    "Piotr",
    "Mehmet",
    "Elif",
    "Sean",
    "Siobhan",
    "Aoife",
    "Ciaran",
    "Rhys",
    "Cerys",
    "Bethan",
    "Dylan",
    "Yusuf",
    "Ibrahim",
    "Hamza",
    "Sana",
    "Nadia",
    "Ravi",
    "Anjali",
    "Arjun",
    "Deepa",
    "Vikram",
    "Chinedu",
    "Ngozi",
    "Oluwaseun",
    "Adebayo",
    "Folake",
    "Kofi",
    "Ama",
    "Abdi",
    "Hodan",
    "Mariam",
    "Rosa",
    "Ana",
    "João",
    "Inês",
    "Zoë",
    "Chloé",
    "Renée",
    "Andrei",
    "Ioana",
    "Mihai",
    "Lukas",
    "Jonas",
    "Margaret",
    "Patricia",
    "Susan",
    "Peter",
    "John",
    "Robert",
    "Pauline",
    "Brian",
    "Doreen",
    "Keith",
    "Maureen",
    "Derek",
    "Winston",
    "Beverley",
    "Delroy",
    "Marcia",
    "Errol",
    "Jean"
  };

  static final String[] SURNAMES = {
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Patel",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Khan",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Scott",
    "Cooper",
    "Morris",
    "Ward",
    "Moore",
    "King",
    "Watson",
    "Baker",
    "Harrison",
    "Morgan",
    "Ali",
    "Ahmed",
    "Hussain",
    "Begum",
    "Shah",
    "Singh",
    "Kaur",
    "Sharma",
    "Chowdhury",
    "Rahman",
    "Islam",
    "Miah",
    "Okafor",
    "Adeyemi",
    "Okonkwo",
    "Mensah",
    "Owusu",
    "Boateng",
    "Asante",
    "Nwosu",
    "Adebayo",
    "Osei",
    "Mohamed",
    "Abdi",
    "Hassan",
    "Farah",
    "Yilmaz",
    "Demir",
    "Kaya",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Lewandowski",
    "Kowalczyk",
    "Popescu",
    "Ionescu",
    "Silva",
    "Santos",
    "Ferreira",
    "Costa",
    "Rossi",
    "Russo",
    "García",
    "Fernández",
    "Murphy",
    "Kelly",
    "O'Brien",
    "O'Connor",
    "Byrne",
    "Ryan",
    "Walsh",
    "McCarthy",
    "Campbell",
    "Stewart",
    "MacDonald",
    "Robertson",
    "Reid",
    "Chen",
    "Wang",
    "Li",
    "Nguyen",
    "Tran",
    "Kim",
    "Campbell-Brown",
    "Smith-Jones",
    "Ellis",
    "Bennett",
    "Mitchell",
    "Cole",
    "Fox",
    "Gray",
    "Hunt",
    "Knight",
    "Marshall",
    "Mason",
    "Palmer",
    "Pearce",
    "Rose",
    "Shaw",
    "Stevens",
    "Webb",
    "Wells",
    "Francis",
    "Grant",
    "Powell",
    "Richards",
    "Lloyd"
  };

  private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

  // National significant numbers of Ofcom's drama ranges; each takes three more digits.
  private static final String MOBILE = "7700900";
  private static final String[] LANDLINES = {
    "2079460", "2079460", "2079460", "1614960", "1214960", "1134960", "1632960"
  };

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");

  private People() {}

  static String forename(Random random) {
    return skewed(FORENAMES, random);
  }

  static String surname(Random random) {
    return skewed(SURNAMES, random);
  }

  /** A mobile in E.164 from 07700 900000–900999. */
  static String mobile(Random random) {
    return "+44" + MOBILE + threeDigits(random);
  }

  /** A landline in E.164 from 020 7946 0xxx, 0161 496 0xxx, 0121 496 0xxx and the like. */
  static String landline(Random random) {
    return "+44" + LANDLINES[random.nextInt(LANDLINES.length)] + threeDigits(random);
  }

  /** A unique address at an example domain, made from the name and the resident's number. */
  static String email(String forename, String surname, long number, Random random) {
    String f = ascii(forename);
    String s = ascii(surname);
    String local =
        switch (random.nextInt(4)) {
          case 0 -> f + "." + s + number;
          case 1 -> f.charAt(0) + s + number;
          case 2 -> s + "." + f + number;
          default -> f + s.charAt(0) + number;
        };
    return local + "@" + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
  }

  /** Lower-case ASCII letters only: 'Wiśniewska' to 'wisniewska', "O'Brien" to 'obrien'. */
  static String ascii(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String letters = NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    return letters.isEmpty() ? "resident" : letters;
  }

  private static String threeDigits(Random random) {
    return String.valueOf(1000 + random.nextInt(1000)).substring(1);
  }

  /** Earlier entries more often, like real name frequencies. */
  private static String skewed(String[] names, Random random) {
    double u = random.nextDouble();
    return names[(int) (names.length * u * u)];
  }
}
