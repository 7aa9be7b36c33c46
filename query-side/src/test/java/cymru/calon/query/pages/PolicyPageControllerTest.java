package cymru.calon.query.pages;

import static cymru.calon.query.pages.ServicesPageControllerTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.access.Role;
import cymru.calon.query.access.WithViewer;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PolicyPageController.class)
@Import({FigureText.class, DashboardPresenter.class})
@WithViewer(role = Role.POLICY)
class PolicyPageControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean DashboardQueries queries;

  @Test
  void withoutParameters_poolsEveryService_overTheLastTwelveMonths() throws Exception {
    when(queries.areaCodes()).thenReturn(List.of("W06000011", "W06000015"));
    when(queries.policy(any())).thenReturn(Fixtures.policyView());

    Document page = page(mvc.perform(get("/policy")).andExpect(status().isOk()).andReturn());

    ArgumentCaptor<DashboardParameters.Query> query =
        ArgumentCaptor.forClass(DashboardParameters.Query.class);
    verify(queries).policy(query.capture());
    assertThat(query.getValue().from()).isEqualTo(LocalDate.parse("2025-12-01"));
    assertThat(query.getValue().to()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(query.getValue().areaCode()).isNull();
    assertThat(query.getValue().cohort()).isNull();
    assertThat(page.select("h1").text()).isEqualTo("Policy view");
    assertThat(page.select("#areaCode option").eachText())
        .containsExactly("All areas", "Swansea", "Cardiff");
    assertThat(page.select("#cohort option")).hasSize(Cohort.values().length + 1);
    assertThat(page.select(".calon-view")).hasSize(2);
    assertThat(page.select("a[href*=policy/dashboard.csv]")).hasSize(1);
  }

  @Test
  void anAreaAndCohort_areTheScope_namedInTheReadersLanguage() throws Exception {
    when(queries.areaCodes()).thenReturn(List.of("W06000011"));
    when(queries.policy(any())).thenReturn(Fixtures.policyView());

    Document page =
        page(
            mvc.perform(
                    get("/policy")
                        .param("from", "2025-04-01")
                        .param("to", "2025-07-01")
                        .param("cohort", "SANCTUARY")
                        .param("lang", "cy"))
                .andExpect(status().isOk())
                .andReturn());

    ArgumentCaptor<DashboardParameters.Query> query =
        ArgumentCaptor.forClass(DashboardParameters.Query.class);
    verify(queries).policy(query.capture());
    assertThat(query.getValue().cohort()).isEqualTo(Cohort.SANCTUARY);
    assertThat(page.select(".govuk-caption-l").text())
        .isEqualTo(
            "Ardal: Pob ardal · Math o wasanaeth: Noddfa (pobl sy'n ceisio lloches a ffoaduriaid)"
                + " · 2 wasanaeth");
    assertThat(page.select("#cohort option[selected]").text())
        .isEqualTo("Noddfa (pobl sy'n ceisio lloches a ffoaduriaid)");
  }

  @Test
  void aWrongScope_isShownBack_andNothingIsComputed() throws Exception {
    when(queries.areaCodes()).thenReturn(List.of());

    Document page =
        page(
            mvc.perform(
                    get("/policy")
                        .param("from", "2025-04-01")
                        .param("to", "2025-07-01")
                        .param("cohort", "EVERYONE")
                        .param("areaCode", "Cardiff"))
                .andExpect(status().isBadRequest())
                .andReturn());

    assertThat(page.select(".govuk-error-summary__list a").eachText())
        .containsExactly("Choose a kind of service from the list", "Choose an area from the list");
    assertThat(page.select("#cohort-error").text()).contains("Choose a kind of service");
    verify(queries, never()).policy(any());
  }
}
