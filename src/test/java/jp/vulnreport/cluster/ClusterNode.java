package jp.vulnreport.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * One application node in a JVM of its own (the application's classes and dependencies, not the
 * tests'), on the postgres profile, with its own job executor, killed with SIGKILL when asked.
 */
public final class ClusterNode implements AutoCloseable {

  public final String name;
  final int port;
  private final Process process;
  private final long startedAt = System.nanoTime();
  public long readyAfterMillis = -1;

  public ClusterNode(String name, String dbUrl, String dbUser, String dbPassword, int smtpPort, Path dir) throws IOException {
    this.name = name;
    this.port = freePort();
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", applicationClasspath(), "jp.vulnreport.VulnReportApplication",
        "--spring.profiles.active=postgres",
        "--server.address=127.0.0.1", "--server.port=" + port,
        "--spring.datasource.url=" + dbUrl,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + ClusterTest.ADMIN_PASSWORD,
        // a crashed node's jobs are taken over once their lock expires
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        // the job log names the node that ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--vulnreport.rate-limit.enabled=false",
        "--vulnreport.attachments.dir=" + dir.resolve("attachments"),
        "--spring.jmx.enabled=false",
        "--logging.level.root=WARN", "--logging.level.jp.vulnreport=INFO"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("VULNREPORT_DB_USERNAME", dbUser);
    pb.environment().put("VULNREPORT_DB_PASSWORD", dbPassword);
    this.process = pb.start();
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits for /actuator/health/readiness. */
  public void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
            .GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          readyAfterMillis = (System.nanoTime() - startedAt) / 1_000_000;
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + timeout);
  }

  /** SIGKILL: no shutdown hooks, no graceful stop, jobs left locked. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /**
   * The test JVM's class path without the test classes. Surefire may pass it as a manifest-only
   * jar; its Class-Path entries are then the real class path.
   */
  public static String applicationClasspath() throws IOException {
    List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path")
        .split(java.io.File.pathSeparator)));
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      try (JarFile jar = new JarFile(entries.get(0))) {
        String cp = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
        if (cp != null) {
          entries = Arrays.stream(cp.trim().split("\\s+"))
              .map(u -> Path.of(URI.create(u.startsWith("file:") ? u : "file:" + u)).toString()).toList();
        }
      }
    }
    return entries.stream().filter(e -> !e.replace('\\', '/').endsWith("test-classes")
            && !e.replace('\\', '/').endsWith("test-classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
