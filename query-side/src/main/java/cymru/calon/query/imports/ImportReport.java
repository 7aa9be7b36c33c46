package cymru.calon.query.imports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an import did: counts in memory, rejections in a temporary file, because a file can have as
 * many rejections as lines and memory must not grow with its size. The file holds only what the
 * answer holds (line numbers, ids, codes) and is deleted on {@link #close()}.
 */
public final class ImportReport implements AutoCloseable {
  private final JsonMapper json;
  private long accepted;
  private long duplicates;
  private long rejected;
  private Path spill;
  private OutputStream spillOut;

  ImportReport(JsonMapper json) {
    this.json = json;
  }

  /** Non-blank lines read. */
  public long lines() {
    return accepted + duplicates + rejected;
  }

  public long accepted() {
    return accepted;
  }

  public long duplicates() {
    return duplicates;
  }

  public long rejected() {
    return rejected;
  }

  void accepted(boolean duplicate) {
    if (duplicate) {
      duplicates++;
    } else {
      accepted++;
    }
  }

  void rejected(ImportRejection rejection) {
    try {
      if (spill == null) {
        spill = Files.createTempFile("calon-import-", ".json");
        spillOut = new BufferedOutputStream(Files.newOutputStream(spill));
      } else {
        spillOut.write(',');
      }
      spillOut.write(json.writeValueAsBytes(rejection));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rejected++;
  }

  /**
   * Writes {@code {"lines", "accepted", "duplicates", "rejected", "rejections": […]}}, the
   * rejections in line order, streamed from the temporary file.
   */
  public void writeTo(OutputStream out) throws IOException {
    String head =
        "{\"lines\":%d,\"accepted\":%d,\"duplicates\":%d,\"rejected\":%d,\"rejections\":["
            .formatted(lines(), accepted, duplicates, rejected);
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    if (spill != null) {
      spillOut.flush();
      Files.copy(spill, out);
    }
    out.write("]}".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    if (spill == null) {
      return;
    }
    Path file = spill;
    spill = null;
    try (OutputStream unused = spillOut) {
      // closed before the file is deleted
    } catch (IOException ignored) {
      // nothing more is written to it; deleting it is what matters
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
