package cymru.calon.infra.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for benchmarks: one socket, one request at a time, no
 * selector threads. {@code java.net.http.HttpClient} spent as much CPU per request as the server
 * did, and on a 2-core machine every cycle the load generator takes is taken from Calon.
 */
final class RawHttpClient implements AutoCloseable {
  private final String hostName;
  private final int port;
  private final String host;
  private final String authorization;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  /**
   * @param authorization the {@code Authorization} header every request carries
   */
  RawHttpClient(String hostName, int port, String authorization) throws IOException {
    this.hostName = hostName;
    this.port = port;
    this.host = hostName + ":" + port;
    this.authorization = authorization;
    connect();
  }

  private void connect() throws IOException {
    socket = new Socket(hostName, port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  /** Posts a JSON body and returns the status code; the response body is read and dropped. */
  int postJson(String path, String json) throws IOException {
    if (socket == null) {
      connect();
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return readResponse();
  }

  private int readResponse() throws IOException {
    String status = readLine();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean close = false;
    String line;
    while (!(line = readLine()).isEmpty()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true; // Tomcat ends a keep-alive connection after 100 requests by default
      }
    }
    if (chunked) {
      int size;
      while ((size = Integer.parseInt(readLine().trim(), 16)) > 0) {
        in.skipNBytes(size);
        readLine();
      }
      readLine();
    } else if (length > 0) {
      in.skipNBytes(length);
    }
    if (close) {
      socket.close();
      socket = null;
    }
    return code;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
  }
}
