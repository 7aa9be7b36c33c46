package cymru.calon.query.commands;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body, refusing it as soon as it passes the limit. */
final class BoundedBody {
  private BoundedBody() {}

  static byte[] read(InputStream in, int maxBytes) throws IOException {
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      throw new CommandTooLarge(maxBytes);
    }
    return body;
  }
}
