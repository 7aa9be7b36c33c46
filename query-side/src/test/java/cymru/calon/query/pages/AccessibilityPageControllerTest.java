package cymru.calon.query.pages;

import static cymru.calon.query.pages.ServicesPageControllerTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.query.access.Role;
import cymru.calon.query.access.WithViewer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AccessibilityPageController.class)
class AccessibilityPageControllerTest {
  @Autowired MockMvc mvc;

  @Test
  @WithViewer(role = Role.POLICY)
  void anAddressThatNamesNothing_isAPageForABrowser_andAProblemForAProgram() throws Exception {
    Document page =
        page(
            mvc.perform(get("/no-such-page").accept("text/html").param("lang", "cy"))
                .andExpect(status().isNotFound())
                .andReturn());
    assertThat(page.select("html").attr("lang")).isEqualTo("cy");
    assertThat(page.select("h1").text()).isEqualTo("Heb ddod o hyd i'r dudalen");

    mvc.perform(get("/api/v1/no-such-thing").accept("text/html"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(get("/no-such-page"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void signedOut_aPageSendsTheReaderToSignIn_andAProgramGetsAProblem() throws Exception {
    mvc.perform(get("/no-such-page").accept("text/html"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/services").accept("text/html"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/v1/no-such-thing").accept("text/html"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
  }

  /** The statement needs no sign-in: it is the one page anyone may read. */
  @Test
  void statement_inEnglishAndWelsh_withOneMainHeadingAndItsSections() throws Exception {
    Document english =
        page(mvc.perform(get("/accessibility")).andExpect(status().isOk()).andReturn());
    assertThat(english.select("html").attr("lang")).isEqualTo("en");
    assertThat(english.select("h1").eachText()).containsExactly("Accessibility statement");
    assertThat(english.select("main h2").eachText())
        .contains("How accessible Calon is", "What we know is not yet right", "How we tested");
    assertThat(english.text()).contains("WCAG) 2.2 at level AA");

    Document welsh =
        page(
            mvc.perform(get("/accessibility").param("lang", "cy"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(welsh.select("html").attr("lang")).isEqualTo("cy");
    assertThat(welsh.select("h1").eachText()).containsExactly("Datganiad hygyrchedd");
    assertThat(welsh.select("main h2")).hasSameSizeAs(english.select("main h2"));
    assertThat(welsh.select("footer a[href=/accessibility]").text())
        .isEqualTo("Datganiad hygyrchedd");
  }
}
