package cymru.calon.query.people;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.query.pages.Languages;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class SubjectAccessPdfTest {
  private final RecordText text = RecordSamples.text();
  private final SubjectAccessPdf pdf = new SubjectAccessPdf(text, templates());

  @Test
  void theWelshRecord_isTaggedInWelsh_withEveryEventInWords() throws IOException {
    PersonRecord record = RecordSamples.record(true);
    try (PDDocument document = Loader.loadPDF(pdf.render(record, Languages.WELSH))) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Eich cofnod");
      assertEmbeddedFonts(document);

      String words = text(document);
      assertThat(words)
          .contains("Amdanoch chi", RecordSamples.NAME, "1 Rhagfyr 1990", "Rhif GIG 943 476 5919")
          .contains("Beth ddigwyddodd")
          .contains("Cawsoch eich atgyfeirio at y gwasanaeth gan eich meddyg teulu.")
          .contains("1 Rhagfyr 2025, 10:15")
          .contains(RecordSamples.STORY)
          .contains("Pwy sydd wedi edrych ar eich cofnod")
          .contains(
              "Darllenodd Rhys Evans (un o gomisiynwyr y gwasanaeth) eich stori. Y rheswm a"
                  + " roddwyd: Quarterly contract review.")
          .doesNotContain("What happened", "You were referred");
      // Written down three days after it happened.
      assertThat(words).contains("Cofnodwyd ar");
    }
  }

  @Test
  void theEnglishRecordOfAForgottenPerson_saysTheDetailsWereErased() throws IOException {
    PersonRecord record = RecordSamples.record(false);
    byte[] bytes = pdf.render(record, Languages.ENGLISH);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(RecordSamples.CIPHERTEXT, RecordSamples.STORY_CIPHERTEXT);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Your record");
      String words = text(document);
      assertThat(words)
          .contains(
              "Your name, date of birth and contact details were erased and can no longer be"
                  + " shown.")
          .contains(
              text.describe(
                  record,
                  RecordSamples.entry(RecordSamples.sample(ReferralReceived.class)),
                  Languages.ENGLISH))
          .contains("Who has looked at your record")
          .doesNotContain(RecordSamples.NAME, RecordSamples.STORY);
    }
  }

  private static void assertEmbeddedFonts(PDDocument document) throws IOException {
    for (PDPage page : document.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("DejaVu");
      }
    }
  }

  private static String text(PDDocument document) throws IOException {
    return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
  }

  private static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(RecordSamples.messages());
    return engine;
  }
}
