// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.borough.privacy.Erasure;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding a case by part of its reference, its address or postcode, or words of its description
 * (ADR 0024): every word typed must start a word of the case; a changed address or an erased
 * reporter's words stop finding it; pages follow newest first; bad input gets a clear error.
 */
class CaseSearchIT extends IntegrationTest {

  @Autowired CaseManagement cases;
  @Autowired CaseSearch search;
  @Autowired ResidentManagement residents;
  @Autowired Erasure erasure;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;

  @Test
  void aCaseIsFoundByWordsOfItsDescriptionAddressPostcodeAndPartOfItsReference() {
    String word = word();
    String street = word();
    CaseView c =
        raise("The " + word + " bin was left on the pavement", "12 " + street + " Road, SW1A 2AA");
    String number = c.reference().substring(c.reference().lastIndexOf('-') + 1);

    for (String q :
        List.of(
            word,
            word.substring(0, 4).toUpperCase(),
            "pavement " + word,
            street + " road",
            "12 " + street,
            street + " SW1A 2AA",
            street + " sw1a2aa",
            c.reference(),
            c.reference().toLowerCase(),
            number + " " + word,
            number.replaceFirst("^0+", "") + " " + street)) {
      assertThat(references(find(q))).as(q).containsExactly(c.reference());
    }
    assertThat(find(word + " " + word()).cases()).as("every word must match").isEmpty();
  }

  @Test
  void aNewAddressIsFoundAndTheOldOneNoLonger() {
    String old = word();
    String now = word();
    CaseView c = raise("Bin missed again", "3 " + old + " Lane");

    signedIn.as(
        Fixtures.CASEWORKER,
        () ->
            cases.changeDetails(
                c.id(),
                new BulkAction.ChangeDetails(
                    null,
                    null,
                    new BulkAction.Location("5 " + now + " Close", null, null, null, Fixtures.WARD),
                    "The resident gave the wrong street"),
                c.version()));

    assertThat(find(old).cases()).isEmpty();
    assertThat(references(find(now))).containsExactly(c.reference());
  }

  @Test
  void anErasedReportersWordsNoLongerFindTheirCase() {
    String word = word();
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    ResidentDetailsFor.contact("Erin", "Search" + word(), null, null)));
    CaseView c =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                cases.open(
                    Fixtures.newCase(
                        Fixtures.MISSED_BIN,
                        resident,
                        "My neighbour " + word + " keeps moving my bin",
                        "7 " + word + " Street",
                        null,
                        null,
                        Map.of("bin_type", List.of("general")),
                        null)));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(c.id(), CaseStatus.RESOLVED, "Emptied", true, null, null);
          return cases.changeStatus(c.id(), CaseStatus.CLOSED, "Done", false, null, null);
        });
    assertThat(references(find(word))).containsExactly(c.reference());

    signedIn.as(Fixtures.DPO, () -> erasure.erase(resident, "Article 17 request received today"));

    assertThat(find(word).cases()).isEmpty();
    assertThat(references(find(c.reference()))).containsExactly(c.reference());
  }

  @Test
  void resultsComeNewestFirstAPageAtATimeWithoutRepeats() {
    String word = word();
    List<String> raised = new ArrayList<>();
    for (int i = 0; i < CaseSearch.PAGE_SIZE + 2; i++) {
      raised.add(0, raise("Case " + i + " about " + word, null).reference());
    }

    CaseSearch.Page first = find(word);
    CaseSearch.Page second =
        signedIn.as(Fixtures.CASEWORKER, () -> search.find(word, first.next()));

    assertThat(first.cases()).hasSize(CaseSearch.PAGE_SIZE);
    assertThat(second.next()).isNull();
    List<String> all = new ArrayList<>(references(first));
    all.addAll(references(second));
    assertThat(all).containsExactlyElementsOf(raised);
  }

  @Test
  void badSearchesAreRefusedWithAClearMessage() {
    Map<String, String> expected =
        Map.of(
            " ",
            "Enter a reference, a postcode, an address or words from the description",
            "the and",
            "Enter at least one word of 2 or more letters or digits",
            "x".repeat(201),
            "Search must be 200 characters or fewer");
    expected.forEach(
        (q, message) -> assertThat(refusal(() -> find(q)).get("q")).as(q).contains(message));
    assertThat(
            refusal(() -> signedIn.as(Fixtures.CASEWORKER, () -> search.find("bin", "not%%")))
                .get("after"))
        .contains("The page link is not valid");
    assertThatThrownBy(() -> signedIn.as(Fixtures.COUNCILLOR, () -> search.find("bin", null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static Map<String, String> refusal(Runnable search) {
    try {
      search.run();
    } catch (InvalidInputException e) {
      return e.errors();
    }
    throw new AssertionError("the search was not refused");
  }

  @Test
  void theConsoleAndTheApiFindCasesAndAWholeReferenceOpensItsCase() throws Exception {
    String word = word();
    CaseView c = raise("Overflowing " + word + " bins", "1 Mill Lane, E1 6AN");

    String page =
        mvc.perform(get("/cases/search").param("q", word).with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(c.reference(), "1 Mill Lane, E1 6AN", "Overflowing " + word);

    MockHttpServletResponse opened =
        mvc.perform(
                get("/cases/search")
                    .param("q", " " + c.reference().toLowerCase())
                    .with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse();
    assertThat(opened.getRedirectedUrl()).isEqualTo("/cases/" + c.reference());

    MockHttpServletResponse json =
        mvc.perform(
                get("/api/v1/cases")
                    .param("q", word)
                    .accept(MediaType.APPLICATION_JSON)
                    .with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse();
    assertThat(json.getStatus()).isEqualTo(200);
    List<String> refs = JsonPath.read(json.getContentAsString(), "$.cases[*].summary.reference");
    assertThat(refs).containsExactly(c.reference());

    MockHttpServletResponse bad =
        mvc.perform(
                get("/api/v1/cases")
                    .param("q", "%%")
                    .accept(MediaType.APPLICATION_JSON)
                    .with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse();
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentType()).startsWith("application/problem+json");
    assertThat(bad.getContentAsString()).contains("Enter at least one word");
  }

  private CaseView raise(String description, String address) {
    return signedIn.as(Fixtures.AGENT, () -> cases.open(Fixtures.missedBin(description, address)));
  }

  private CaseSearch.Page find(String q) {
    return signedIn.as(Fixtures.CASEWORKER, () -> search.find(q, null));
  }

  private static List<String> references(CaseSearch.Page page) {
    return page.cases().stream().map(m -> m.summary().reference()).toList();
  }

  /** A word no other test's case holds. */
  private static String word() {
    StringBuilder s = new StringBuilder("q");
    for (int i = 0; i < 11; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
