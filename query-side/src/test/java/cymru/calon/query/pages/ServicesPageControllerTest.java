package cymru.calon.query.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.access.Role;
import cymru.calon.query.access.WithViewer;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.ServiceListing;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ServicesPageController.class)
@Import({FigureText.class})
@WithViewer(role = Role.PROVIDER, organisation = Fixtures.ORGANISATION)
class ServicesPageControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean DashboardQueries queries;

  @Test
  void home_redirectsToTheServices() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/services"));
  }

  @Test
  void services_listsEveryService_withItsDashboardForTheLastTwelveMonths() throws Exception {
    when(queries.services(any())).thenReturn(List.of(Fixtures.SERVICE, cardiff()));

    Document page = page(mvc.perform(get("/services")).andExpect(status().isOk()).andReturn());

    assertThat(page.select("html").attr("lang")).isEqualTo("en");
    assertThat(page.select("h1").text()).isEqualTo("Services");
    assertThat(page.select("table caption").text()).isEqualTo("2 services");
    assertThat(page.select("tbody tr")).hasSize(2);
    assertThat(page.select("tbody tr").first().select("td").eachText())
        .containsExactly("Bridgend Tenancy Support", "Housing support", "Bridgend");
    // The clock stands on 2 December 2026: the last twelve whole months.
    assertThat(page.select("tbody a").first().attr("href"))
        .isEqualTo("/services/" + Fixtures.SERVICE_ID + "/dashboard?from=2025-12-01&to=2026-12-01");
    assertThat(page.select("a.govuk-skip-link").attr("href")).isEqualTo("#main-content");
    assertThat(page.select("main#main-content")).hasSize(1);
  }

  @Test
  void services_inWelsh_fromTheLanguageSwitch_andTheCookieKeepsIt() throws Exception {
    when(queries.services(any())).thenReturn(List.of(Fixtures.SERVICE, cardiff()));

    var switched =
        mvc.perform(get("/services").param("lang", "cy"))
            .andExpect(status().isOk())
            .andExpect(cookie().value(PagesConfiguration.LANGUAGE_COOKIE, "cy"))
            .andReturn();
    Document welsh = page(switched);
    assertThat(welsh.select("html").attr("lang")).isEqualTo("cy");
    assertThat(welsh.select("h1").text()).isEqualTo("Gwasanaethau");
    // Welsh "two" form: the soft mutation of gwasanaeth after the number two.
    assertThat(welsh.select("table caption").text()).isEqualTo("2 wasanaeth");
    assertThat(welsh.select("tbody tr").first().select("td").eachText())
        .containsExactly("Bridgend Tenancy Support", "Cymorth tai", "Pen-y-bont ar Ogwr");
    // The switch back keeps the reader on the same page.
    assertThat(welsh.select("nav.calon-language-switch-nav a").attr("href"))
        .isEqualTo("/services?lang=en");
    assertThat(welsh.select("nav.calon-language-switch-nav a").attr("lang")).isEqualTo("en");

    Document kept =
        page(
            mvc.perform(
                    get("/services").cookie(new Cookie(PagesConfiguration.LANGUAGE_COOKIE, "cy")))
                .andReturn());
    assertThat(kept.select("html").attr("lang")).isEqualTo("cy");
  }

  @Test
  void services_countsArePluralisedByWelshRules() throws Exception {
    List<String> captions = new ArrayList<>();
    for (int n : new int[] {1, 3, 6, 11}) {
      List<ServiceListing> many = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        many.add(
            new ServiceListing(
                UUID.randomUUID(),
                "Service " + i,
                Cohort.OTHER,
                "W06000015",
                UUID.fromString(Fixtures.ORGANISATION),
                UUID.randomUUID()));
      }
      when(queries.services(any())).thenReturn(many);
      captions.add(
          page(mvc.perform(get("/services").param("lang", "cy")).andReturn())
              .select("table caption")
              .text());
    }
    assertThat(captions)
        .containsExactly("1 gwasanaeth", "3 gwasanaeth", "6 gwasanaeth", "11 gwasanaeth");
  }

  @Test
  void services_withNone_saySo() throws Exception {
    when(queries.services(any())).thenReturn(List.of());
    Document page = page(mvc.perform(get("/services")).andReturn());
    assertThat(page.select("table")).isEmpty();
    assertThat(page.select("main p").eachText())
        .contains("No services have been commissioned yet.");
  }

  private static ServiceListing cardiff() {
    return new ServiceListing(
        UUID.fromString("11111111-1111-4111-8111-111111111111"),
        "Cardiff Housing Support",
        Cohort.HOUSING_SUPPORT,
        "W06000015",
        UUID.fromString(Fixtures.ORGANISATION),
        UUID.randomUUID());
  }

  static Document page(org.springframework.test.web.servlet.MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }
}
