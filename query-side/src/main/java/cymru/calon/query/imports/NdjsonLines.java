package cymru.calon.query.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines, holding at most one line (up to the limit) in memory, so a file
 * of any size streams through. A line over the limit is skipped to its end without being kept: it
 * comes back as {@link Line#tooLong()} and the next line reads normally. Blank lines are skipped
 * but still advance the line number, so numbers point at the file's own lines. A line may end in
 * {@code \n} or {@code \r\n}; the last line needs no terminator.
 */
final class NdjsonLines {
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[READ_BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[4 * 1024];
  private int length;
  private long number;

  NdjsonLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * One line of the file.
   *
   * @param number 1-based, counting blank lines too
   * @param bytes the line without its terminator; {@code null} when it was over the limit
   */
  record Line(long number, byte[] bytes) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  /** The next non-blank line, or {@code null} at the end of the stream. */
  Line next() throws IOException {
    while (true) {
      switch (readLine()) {
        case END -> {
          return null;
        }
        case TOO_LONG -> {
          return new Line(number, null);
        }
        case FITS -> {
          if (!blank()) {
            return new Line(number, Arrays.copyOf(line, length));
          }
        }
      }
    }
  }

  /**
   * Whether a next line can be started without waiting for the sender: bytes are buffered here or
   * in the stream.
   */
  boolean ready() throws IOException {
    return position < limit || in.available() > 0;
  }

  private enum Read {
    FITS,
    TOO_LONG,
    END
  }

  /** Reads one line into {@link #line}, or only past it when it is over the limit. */
  private Read readLine() throws IOException {
    length = 0;
    boolean started = false;
    boolean overLimit = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!started) {
          return Read.END;
        }
        break;
      }
      started = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      if (!overLimit) {
        // one byte of slack for a '\r' that is stripped below
        if (length + (end - position) > maxLineBytes + 1) {
          overLimit = true;
        } else {
          append(position, end - position);
        }
      }
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    number++;
    if (overLimit) {
      return Read.TOO_LONG;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return length <= maxLineBytes ? Read.FITS : Read.TOO_LONG;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = in.read(buffer, 0, buffer.length);
    }
    if (read < 0) {
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int count) {
    if (length + count > line.length) {
      line =
          Arrays.copyOf(
              line, Math.max(length + count, Math.min(2 * line.length, maxLineBytes + 1)));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private boolean blank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
