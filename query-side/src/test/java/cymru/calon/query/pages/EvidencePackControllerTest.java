package cymru.calon.query.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.access.Role;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.access.WithViewer;
import cymru.calon.query.access.WithViewerFactory;
import cymru.calon.query.dashboard.DashboardParameters;
import cymru.calon.query.dashboard.DashboardQueries;
import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.ServiceListing;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(EvidencePackController.class)
@Import({FigureText.class, DashboardPresenter.class, EvidencePack.class})
@WithViewer(role = Role.PROVIDER, organisation = Fixtures.ORGANISATION)
class EvidencePackControllerTest {
  private static final String SERVICE = "/api/v1/services/" + Fixtures.SERVICE_ID + "/dashboard";

  @Autowired MockMvc mvc;
  @MockitoBean DashboardQueries queries;

  @Test
  void csv_hasEveryFigure_withItsParts_inTheChosenLanguage() throws Exception {
    answer(Optional.of(Fixtures.serviceView(Fixtures.SERVICE)));

    var response =
        mvc.perform(
                get(SERVICE + ".csv")
                    .param("from", "2025-12-01")
                    .param("to", "2026-12-01")
                    .param("lang", "cy"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"calon-service-"
                            + Fixtures.SERVICE_ID
                            + "-2025-12-01-2026-12-01.csv\""))
            .andReturn()
            .getResponse();
    String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("\uFEFF");

    List<CSVRecord> records = records(body);
    CSVRecord waiting = row(records, "kpi.waitingWithinTarget");
    assertThat(waiting.get(0)).isEqualTo("Y golwg DPA");
    assertThat(waiting.get(1)).isEqualTo("Wedi'u gweld o fewn y targed aros");
    assertThat(waiting.get(4)).isEqualTo("166");
    assertThat(waiting.get(5)).isEqualTo("180");
    assertThat(waiting.get(6)).isEqualTo("92.2% (166 o 180)");
    assertThat(row(records, "kpi.referrals").get(3)).isEqualTo("192");
    CSVRecord suppressed = row(records, "relational.aftercare.withAftercareWithin28Days");
    assertThat(suppressed.get(3)).isEmpty();
    assertThat(suppressed.get(4)).isEmpty();
    assertThat(suppressed.get(6)).isEqualTo("Heb ei ddangos (nifer fach)");
    assertThat(row(records, "Niferoedd bach", 0).get(1)).startsWith("wedi'u cuddio");
    // One row per figure of the catalogue.
    long figures = FigureCatalogue.SECTIONS.stream().mapToLong(s -> s.items().size()).sum();
    assertThat(records.stream().filter(r -> r.size() == 7).count()).isEqualTo(figures + 1);
  }

  @Test
  void csv_saysSmallNumbersAreShown_whenTheyAreTheOrganisationsOwnFigures() throws Exception {
    answer(Optional.of(Fixtures.ownServiceView(Fixtures.SERVICE)));

    String body =
        mvc.perform(get(SERVICE + ".csv").param("from", "2025-12-01").param("to", "2026-12-01"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> records = records(body);
    assertThat(row(records, "Small numbers", 0).get(1))
        .isEqualTo("shown (the organisation's own figures)");
  }

  @Test
  void smallNumbersHidden_asksForTheSuppressedFigures_evenForTheOrganisationsOwnStaff()
      throws Exception {
    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), eq(true)))
        .thenReturn(Optional.of(Fixtures.serviceView(Fixtures.SERVICE)));
    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), eq(false)))
        .thenReturn(Optional.of(Fixtures.ownServiceView(Fixtures.SERVICE)));

    String body =
        mvc.perform(
                get(SERVICE + ".csv")
                    .param("from", "2025-12-01")
                    .param("to", "2026-12-01")
                    .param("smallNumbers", "hidden"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"calon-service-"
                            + Fixtures.SERVICE_ID
                            + "-2025-12-01-2026-12-01-small-numbers-hidden.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> records = records(body);
    assertThat(row(records, "Small numbers", 0).get(1)).startsWith("hidden");
  }

  @Test
  void csv_neverHandsASpreadsheetAFormula() throws Exception {
    ServiceListing hostile =
        new ServiceListing(
            Fixtures.SERVICE_ID,
            "=HYPERLINK(\"http://example.invalid\",\"x\")",
            Cohort.OTHER,
            "W06000015",
            Fixtures.SERVICE.organisationId(),
            Fixtures.SERVICE.commissionerId());
    answer(Optional.of(Fixtures.serviceView(hostile)));

    String body =
        mvc.perform(get(SERVICE + ".csv").param("from", "2025-12-01").param("to", "2026-12-01"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    CSVRecord scope = records(body).getFirst();
    assertThat(scope.get(1))
        .isEqualTo("Evidence pack: =HYPERLINK(\"http://example.invalid\",\"x\")");
    assertThat(EvidencePack.safe("=1+2")).isEqualTo("'=1+2");
    assertThat(EvidencePack.safe("+44 29")).isEqualTo("'+44 29");
    assertThat(EvidencePack.safe("-1")).isEqualTo("'-1");
    assertThat(EvidencePack.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(EvidencePack.safe("\tx")).isEqualTo("'\tx");
    assertThat(EvidencePack.safe("\uFF1D1")).isEqualTo("'\uFF1D1");
    assertThat(EvidencePack.safe("Cardiff")).isEqualTo("Cardiff");
  }

  @Test
  void pdf_isTagged_inTheChosenLanguage_withTheFigures() throws Exception {
    answer(Optional.of(Fixtures.serviceView(Fixtures.SERVICE)));

    byte[] pdf =
        mvc.perform(
                get(SERVICE + ".pdf")
                    .param("from", "2025-12-01")
                    .param("to", "2026-12-01")
                    .param("lang", "cy"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Pecyn tystiolaeth: Bridgend Tenancy Support");
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Wedi'u gweld o fewn y targed aros")
          .contains("92.2% (166 o 180)")
          .contains("19.2% (34 o 177)")
          .contains("Heb ei ddangos (nifer fach)");
    }
  }

  @Test
  void wrongParameters_getTheSameProblemsAsTheJson() throws Exception {
    mvc.perform(get(SERVICE + ".pdf").param("from", "2025-13-01").param("to", "2026-01-01"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("INVALID_QUERY"))
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(
            get("/api/v1/policy/dashboard.csv")
                .with(authentication(WithViewerFactory.as(Viewer.policy("analyst"))))
                .param("from", "2025-01-01")
                .param("to", "2025-02-01")
                .param("cohort", "NOPE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("cohort"));
    mvc.perform(
            get(SERVICE + ".csv")
                .param("from", "2025-01-01")
                .param("to", "2025-02-01")
                .param("smallNumbers", "shown"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("INVALID_QUERY"))
        .andExpect(jsonPath("$.errors[0].field").value("smallNumbers"));
    mvc.perform(get(SERVICE + ".xlsx").param("from", "2025-01-01").param("to", "2025-02-01"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    answer(Optional.empty());
    mvc.perform(get(SERVICE + ".csv").param("from", "2025-01-01").param("to", "2025-02-01"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
  }

  /** Every service dashboard the controller asks for, whatever the suppression, is {@code view}. */
  private void answer(Optional<DashboardView> view) {
    when(queries.service(any(DashboardParameters.Query.class), any(Viewer.class), anyBoolean()))
        .thenReturn(view);
  }

  /** The pack's rows, after its byte-order mark. */
  private static List<CSVRecord> records(String body) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
  }

  private static CSVRecord row(List<CSVRecord> records, String id) {
    return records.stream()
        .filter(r -> r.size() > 2 && r.get(2).equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id));
  }

  /** The first row whose column {@code column} is {@code value}. */
  private static CSVRecord row(List<CSVRecord> records, String value, int column) {
    return records.stream()
        .filter(r -> r.size() > column && r.get(column).equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + value));
  }
}
