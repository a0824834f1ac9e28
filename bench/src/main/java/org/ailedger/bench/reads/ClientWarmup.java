package org.ailedger.bench.reads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Warms this client's own code against a local stand-in server before a cold phase, so "cold"
 * measures a server that has just started and not a client that has: both servers compared then
 * meet the same compiled client.
 */
final class ClientWarmup {
  private static final byte[] ANSWER =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n"
              + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}")
          .getBytes(StandardCharsets.US_ASCII);

  private ClientWarmup() {}

  static void run(ReadCall call, int inFlight, int requests)
      throws IOException, InterruptedException {
    try (ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
      List<Thread> handlers = new ArrayList<>();
      Thread acceptor =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try {
                      while (true) {
                        Socket socket = listener.accept();
                        handlers.add(Thread.ofPlatform().daemon().start(() -> answer(socket)));
                      }
                    } catch (IOException closed) {
                      // the listener closed: warm-up over
                    }
                  });
      URI endpoint = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
      new ReadPhase(endpoint, call, inFlight, OptionalLong.empty()).run("client", requests);
      listener.close();
      acceptor.join();
    }
  }

  /** Answers every request on the connection with the same fixed answer. */
  private static void answer(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        int length = contentLength(in);
        if (length < 0) {
          return;
        }
        in.readNBytes(length);
        out.write(ANSWER);
        out.flush();
      }
    } catch (IOException e) {
      // the client closed the connection
    }
  }

  /** Reads a request's header; its Content-Length, or -1 at the end of the stream. */
  private static int contentLength(InputStream in) throws IOException {
    StringBuilder header = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      header.append((char) b);
      if (header.length() >= 4 && header.substring(header.length() - 4).equals("\r\n\r\n")) {
        for (String line : header.toString().split("\r\n")) {
          if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
            return Integer.parseInt(line.substring(15).trim());
          }
        }
        return 0;
      }
    }
    return -1;
  }
}
