package cymru.calon.query.pages;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders an XHTML document as a tagged PDF (PDF/UA: a structure tree, the document's language and
 * title from its {@code <html lang>} and {@code <title>}) with DejaVu Sans embedded, regular and
 * bold, so Welsh letters such as ŵ and ŷ print. Templates name the font {@value #FONT}.
 */
public final class TaggedPdf {
  public static final String FONT = "DejaVu Sans";

  private TaggedPdf() {}

  public static byte[] render(String html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessbility(true);
      for (String[] font :
          List.of(
              new String[] {"DejaVuSans.ttf", "400"},
              new String[] {"DejaVuSans-Bold.ttf", "700"})) {
        builder.useFont(
            () -> TaggedPdf.class.getResourceAsStream("/calon/fonts/" + font[0]),
            FONT,
            Integer.parseInt(font[1]),
            PdfRendererBuilder.FontStyle.NORMAL,
            true);
      }
      builder.withHtmlContent(html, "/");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
