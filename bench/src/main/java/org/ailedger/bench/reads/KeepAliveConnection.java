package org.ailedger.bench.reads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that posts the same pre-built request again and again. A
 * deliberately thin client: on a two-core machine the client shares the cores with the server it
 * measures, so every microsecond it spends is one the server does not get — and it must cost both
 * servers compared the same.
 */
final class KeepAliveConnection implements AutoCloseable {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] request;
  private final byte[] header = new byte[MAX_HEADER_BYTES];
  private byte[] body = new byte[4096];

  KeepAliveConnection(URI endpoint, byte[] jsonBody) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    String path =
        endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
            ? "/"
            : endpoint.getRawPath();
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + endpoint.getHost()
                + ":"
                + endpoint.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + jsonBody.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    request = new byte[head.length + jsonBody.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(jsonBody, 0, request, head.length, jsonBody.length);
  }

  /**
   * Sends the request and reads the whole answer.
   *
   * @return the JSON body of the answer
   * @throws IOException on a broken connection or an answer that is not a 200 with a length
   */
  String exchange() throws IOException {
    out.write(request);
    out.flush();
    int length = readHeader();
    if (body.length < length) {
      body = new byte[Math.max(length, body.length * 2)];
    }
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new IOException("connection closed in the middle of an answer");
      }
      read += n;
    }
    return new String(body, 0, length, StandardCharsets.UTF_8);
  }

  /** Reads the status line and headers; the value of Content-Length. */
  private int readHeader() throws IOException {
    int size = 0;
    while (size < 4
        || header[size - 4] != '\r'
        || header[size - 3] != '\n'
        || header[size - 2] != '\r'
        || header[size - 1] != '\n') {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the answer's header ended");
      }
      if (size == header.length) {
        throw new IOException("answer header longer than " + MAX_HEADER_BYTES + " bytes");
      }
      header[size++] = (byte) b;
    }
    String text = new String(header, 0, size, StandardCharsets.US_ASCII);
    if (!text.startsWith("HTTP/1.1 200")) {
      throw new IOException("answer is not 200: " + text.lines().findFirst().orElse(""));
    }
    for (String line : text.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    throw new IOException("answer without Content-Length: " + text.lines().findFirst().orElse(""));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
