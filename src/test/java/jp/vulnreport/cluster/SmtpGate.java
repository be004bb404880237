package jp.vulnreport.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the test's SMTP server for one node. Open, it relays; closed, it accepts
 * connections and holds them without a word, so that the node's mail jobs hang in the SMTP
 * greeting — the node can then be killed while it holds jobs, before any of them delivered.
 */
final class SmtpGate implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  SmtpGate(int targetPort) throws IOException {
    this.target = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-gate-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** New connections are held from now on (connections already relaying go on). */
  void hold() {
    open = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (!open) {
          continue; // held: never answered
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(upstream);
        pump(client.getInputStream(), upstream.getOutputStream(), upstream);
        pump(upstream.getInputStream(), client.getOutputStream(), client);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket closeAtEnd) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (closeAtEnd) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side went away
      }
    }, "smtp-gate-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
