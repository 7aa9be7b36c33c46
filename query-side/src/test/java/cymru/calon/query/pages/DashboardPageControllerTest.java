package cymru.calon.query.pages;

import static cymru.calon.query.pages.ServicesPageControllerTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.access.WithViewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(DashboardPageController.class)
@Import({FigureText.class, DashboardPresenter.class, cymru.calon.query.people.RecordText.class})
@WithViewer(role = Role.PROVIDER, organisation = Fixtures.ORGANISATION)
class DashboardPageControllerTest {
  private static final String PATH = "/services/" + Fixtures.SERVICE_ID + "/dashboard";

  @Autowired MockMvc mvc;
  @MockitoBean DashboardQueries queries;
  @MockitoBean cymru.calon.query.people.StoryQueries stories;

  @Test
  void withoutAPeriod_redirectsToTheLastTwelveMonths() throws Exception {
    mvc.perform(get(PATH))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(PATH + "?from=2025-12-01&to=2026-12-01"));
  }

  @Test
  void showsTheKpiViewAndTheRelationalViewSideBySide_withTheFiguresOfTheDashboard()
      throws Exception {
    serviceAnswers();

    Document page = yearPage("en");

    assertThat(page.select("h1").text()).isEqualTo("Bridgend Tenancy Support");
    assertThat(page.select(".govuk-caption-l").text()).isEqualTo("Housing support · Bridgend");
    Element kpi = page.select(".calon-view").get(0);
    Element relational = page.select(".calon-view--relational").first();
    assertThat(kpi.select("h3").text()).isEqualTo("The KPI view");
    assertThat(value(kpi, "Referrals")).isEqualTo("192");
    assertThat(value(kpi, "Seen within the waiting target")).isEqualTo("92.2% (166 of 180)");
    assertThat(value(kpi, "Planned completions")).isEqualTo("18.7% (37 of 198)");
    assertThat(relational.select("h3").text()).isEqualTo("The relational view");
    assertThat(value(relational, "Median time to trust")).isEqualTo("Not reached");
    assertThat(value(relational, "Aftercare within 28 days")).isEqualTo("Not shown (small number)");
    assertThat(relational.select(".calon-suppressed")).isNotEmpty();
    assertThat(value(relational, "Support withdrawn soon after an outcome"))
        .isEqualTo("19.2% (34 of 177)");
    assertThat(page.select("p").eachText())
        .contains("Period: 1 December 2025 to 30 November 2026, both included.");
  }

  @Test
  void saysWhetherSmallNumbersAreHidden_orShownBecauseTheseAreTheOrganisationsOwnFigures()
      throws Exception {
    serviceAnswers();
    Document suppressed = yearPage("en");
    assertThat(suppressed.select(".govuk-inset-text").text())
        .startsWith("To protect the people behind the figures, small numbers are not shown");
    assertThat(suppressed.select("a[href*=smallNumbers]")).isEmpty();

    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), anyBoolean()))
        .thenReturn(Optional.of(Fixtures.ownServiceView(Fixtures.SERVICE)));
    Document own = yearPage("cy");
    assertThat(own.select(".govuk-inset-text").text())
        .startsWith("Ffigurau eich sefydliad chi yw'r rhain, felly dangosir niferoedd bach.");
    // The provider can take the suppressed packs to share: the same query, small numbers hidden.
    assertThat(own.select("a[href*=smallNumbers=hidden]").eachAttr("href"))
        .containsExactly(
            "/api/v1/services/"
                + Fixtures.SERVICE_ID
                + "/dashboard.csv?from=2025-12-01&to=2026-12-01&smallNumbers=hidden&lang=cy",
            "/api/v1/services/"
                + Fixtures.SERVICE_ID
                + "/dashboard.pdf?from=2025-12-01&to=2026-12-01&smallNumbers=hidden&lang=cy");
  }

  @Test
  void theVoiceSection_showsConsentedStories_inTheirOwnLanguage() throws Exception {
    serviceAnswers();
    org.mockito.Mockito.when(
            stories.forService(
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            java.util.List.of(
                new cymru.calon.query.people.StoryQueries.Story(
                    java.time.LocalDate.of(2026, 3, 4),
                    "cy",
                    java.util.List.of(1, 8),
                    "Arhosodd yr un gweithiwr gyda fi.")));

    Document page = yearPage("en");

    Element story = page.selectFirst("section[aria-labelledby=heading-voice] figure.calon-story");
    assertThat(story).isNotNull();
    assertThat(story.selectFirst("blockquote").attr("lang")).isEqualTo("cy");
    assertThat(story.selectFirst("blockquote").text())
        .isEqualTo("Arhosodd yr un gweithiwr gyda fi.");
    assertThat(story.selectFirst("figcaption").text())
        .isEqualTo(
            "Shared on 4 March 2026. Speaks to: connection, love and care, time to heal and"
                + " recover.");
  }

  @Test
  void everyChart_hasItsDataTableBeside_andItsData() throws Exception {
    serviceAnswers();

    Document page = yearPage("en");

    Element survival = page.getElementById("chart-timeToTrust");
    assertThat(survival.attr("role")).isEqualTo("img");
    assertThat(survival.attr("aria-label")).startsWith("Line chart: the share of people not yet");
    JsonNode data =
        JsonMapper.builder().build().readTree(page.getElementById("chart-timeToTrust-data").data());
    // The curve starts at S = 1 on day 0, then one step per event time of the dashboard.
    assertThat(data.get("steps")).hasSize(7);
    assertThat(data.get("steps").get(1).get(0).asDouble()).isEqualTo(15.80625);
    Element table = survival.parent().nextElementSibling().selectFirst("table");
    assertThat(table.select("thead th").eachText())
        .containsExactly(
            "Days since first contact",
            "Not yet trusting",
            "Lower 95% limit",
            "Upper 95% limit",
            "Still building trust",
            "Reached trust");
    assertThat(table.select("tbody tr").first().select("td").eachText())
        .containsExactly("15.8", "99.4%", "95.8%", "99.9%", "164", "Not shown (small number)");
    // Every section with a chart has a data table beside it.
    assertThat(page.select("[data-chart]")).hasSize(6);
    for (Element chart : page.select("[data-chart]")) {
      assertThat(chart.parent().nextElementSibling().select("table")).hasSize(1);
      assertThat(page.getElementById(chart.attr("data-chart-data"))).isNotNull();
    }
    assertThat(page.select("script[src=/calon/echarts.min.js]")).hasSize(1);
  }

  @Test
  void inWelsh_everyFigureIsNamedAndFormattedInWelsh() throws Exception {
    serviceAnswers();

    Document page = yearPage("cy");

    assertThat(page.select("html").attr("lang")).isEqualTo("cy");
    Element kpi = page.select(".calon-view").get(0);
    assertThat(kpi.select("h3").text()).isEqualTo("Y golwg DPA");
    assertThat(value(kpi, "Wedi'u gweld o fewn y targed aros")).isEqualTo("92.2% (166 o 180)");
    assertThat(page.select("p").eachText())
        .contains("Cyfnod: 1 Rhagfyr 2025 hyd 30 Tachwedd 2026, gan gynnwys y ddau.");
    assertThat(page.text()).contains("Heb ei ddangos (nifer fach)").doesNotContain("Not shown");
    // The evidence pack downloads come in the language of the page.
    assertThat(page.select("a[href*=dashboard.pdf]").attr("href")).endsWith("lang=cy");
  }

  @Test
  void aWrongPeriod_isShownBackWithAPlainMessage_andNothingIsComputed() throws Exception {
    when(queries.service(Fixtures.SERVICE_ID, null)).thenReturn(Optional.of(Fixtures.SERVICE));

    Document page =
        page(
            mvc.perform(get(PATH).param("from", "2025-13-01").param("to", "2025-01-01"))
                .andExpect(status().isBadRequest())
                .andReturn());

    assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("There is a problem");
    assertThat(page.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Enter a real date as YYYY-MM-DD, for example 2025-04-01");
    assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#from");
    assertThat(page.getElementById("from").attr("value")).isEqualTo("2025-13-01");
    assertThat(page.getElementById("from").attr("aria-describedby")).contains("from-error");
    assertThat(page.select(".calon-view")).isEmpty();
    verify(queries, never())
        .service(any(DashboardParameters.Query.class), any(Viewer.class), anyBoolean());

    Document welsh =
        page(
            mvc.perform(
                    get(PATH)
                        .param("from", "2025-02-01")
                        .param("to", "2025-01-01")
                        .param("lang", "cy"))
                .andExpect(status().isBadRequest())
                .andReturn());
    assertThat(welsh.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Rhaid i ddiwedd y cyfnod fod ar ôl ei ddechrau");
  }

  @Test
  void anUnknownService_isAPlainNotFoundPage() throws Exception {
    UUID unknown = UUID.randomUUID();
    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), anyBoolean()))
        .thenReturn(Optional.empty());

    Document page =
        page(
            mvc.perform(
                    get("/services/" + unknown + "/dashboard")
                        .param("from", "2025-12-01")
                        .param("to", "2026-12-01"))
                .andExpect(status().isNotFound())
                .andReturn());
    assertThat(page.select("h1").text()).isEqualTo("Page not found");
    assertThat(page.select("html").attr("lang")).isEqualTo("en");

    mvc.perform(get("/services/not-a-uuid/dashboard").param("from", "2025-12-01"))
        .andExpect(status().isNotFound());
  }

  private void serviceAnswers() {
    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), anyBoolean()))
        .thenReturn(Optional.of(Fixtures.serviceView(Fixtures.SERVICE)));
    when(queries.service(eq(Fixtures.SERVICE_ID), isNull()))
        .thenReturn(Optional.of(Fixtures.SERVICE));
  }

  /** The page for the year to 1 December 2026 in {@code lang}, answered with 200. */
  private Document yearPage(String lang) throws Exception {
    return page(
        mvc.perform(
                get(PATH).param("from", "2025-12-01").param("to", "2026-12-01").param("lang", lang))
            .andExpect(status().isOk())
            .andReturn());
  }

  /** The value shown beside a figure's name in a summary list. */
  static String value(Element list, String name) {
    for (Element row : list.select(".govuk-summary-list__row")) {
      if (row.selectFirst("dt span").text().equals(name)) {
        return row.selectFirst("dd").text();
      }
    }
    throw new AssertionError("no figure named " + name);
  }
}
