package cymru.calon.query.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {
  @Test
  void splitsOnNewlines_stripsCarriageReturns_andReadsALastLineWithoutTerminator()
      throws Exception {
    assertThat(read("a\nbb\r\nccc", 10)).containsExactly("1:a", "2:bb", "3:ccc");
    assertThat(read("a\n", 10)).containsExactly("1:a");
    assertThat(read("", 10)).isEmpty();
  }

  @Test
  void skipsBlankLines_butCountsThemInLineNumbers() throws Exception {
    assertThat(read("\n  \r\na\n\t\n\nb\n\n", 10)).containsExactly("3:a", "6:b");
  }

  @Test
  void aLineOverTheLimit_isReportedWithoutItsBytes_andTheNextLineReadsNormally() throws Exception {
    String tooLong = "x".repeat(11);
    assertThat(read("abc\n" + tooLong + "\r\nxxxxxxxxxx\r\nd", 10))
        .containsExactly("1:abc", "2:TOO_LONG", "3:xxxxxxxxxx", "4:d");
    assertThat(read(tooLong, 10)).containsExactly("1:TOO_LONG");
  }

  @Test
  void aLineOverTheLimit_farBeyondTheReadBuffer_isSkippedToItsEnd() throws Exception {
    int huge = 5 * 1024 * 1024;
    InputStream in =
        new java.io.SequenceInputStream(
            new RepeatingStream((byte) 'y', huge),
            new ByteArrayInputStream("\nok\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(read(in, 64 * 1024)).containsExactly("1:TOO_LONG", "2:ok");
  }

  @Test
  void linesSpanningReadBuffers_comeBackWhole() throws Exception {
    String a = "a".repeat(70_000);
    String b = "b".repeat(100_000);
    List<String> lines = read(a + "\n" + b + "\n", 200_000);
    assertThat(lines).containsExactly("1:" + a, "2:" + b);
  }

  @Test
  void readsFromAStreamThatHandsOutOneByteAtATime() throws Exception {
    InputStream trickle =
        new ByteArrayInputStream("one\r\n\ntwo".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(read(trickle, 10)).containsExactly("1:one", "3:two");
  }

  private static List<String> read(String text, int max) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static List<String> read(InputStream in, int max) throws IOException {
    NdjsonLines lines = new NdjsonLines(in, max);
    List<String> out = new ArrayList<>();
    for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
      out.add(
          line.number()
              + ":"
              + (line.tooLong() ? "TOO_LONG" : new String(line.bytes(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** {@code count} copies of one byte, generated, never held. */
  private static final class RepeatingStream extends InputStream {
    private final byte value;
    private long left;

    RepeatingStream(byte value, long count) {
      this.value = value;
      this.left = count;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return value;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }
}
