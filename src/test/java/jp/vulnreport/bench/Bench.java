package jp.vulnreport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark settings and reporting. Every figure is measured in the same run as its baseline and
 * reported absolute and as a ratio to it; warm-up first, then rounds, median and spread.
 * Settings: -Dbench.warmup=120 (seconds), -Dbench.rounds=5, -Dbench.round=15 (seconds),
 * -Dbench.clients=4.
 */
final class Bench {

  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 120));
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.round", 15));
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final Path OUT = Path.of("target", "bench", "results.md");

  private Bench() {}

  /** Median and spread (min .. max) of round results. */
  record Series(List<Double> values) {
    double median() {
      List<Double> s = sorted();
      int n = s.size();
      return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
      return sorted().get(0);
    }

    double max() {
      return sorted().get(sorted().size() - 1);
    }

    private List<Double> sorted() {
      List<Double> s = new ArrayList<>(values);
      Collections.sort(s);
      return s;
    }

    String describe(String unit) {
      return String.format(Locale.ROOT, "%.1f %s (median of %d; %.1f .. %.1f)", median(), unit, values.size(), min(),
          max());
    }
  }

  /** The p-th percentile (0..100) of samples. */
  static double percentile(List<Double> samples, double p) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(samples);
    Collections.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }

  static String ratio(double value, double baseline) {
    return String.format(Locale.ROOT, "%.2f× baseline", value / baseline);
  }

  static String machine() {
    return String.format(Locale.ROOT, "%d cores, %s %s, Java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  static String database() {
    return "postgres".equals(System.getProperty("test.database")) ? "PostgreSQL (test-postgres profile)"
        : "H2 in memory";
  }

  /** Prints a section and appends it to target/bench/results.md. */
  static synchronized void report(String title, List<String> lines) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("## " + title);
    out.add("");
    out.add("- run: " + OffsetDateTime.now() + "; " + machine() + "; database: " + database() + "; warm-up "
        + WARMUP.toSeconds() + " s, " + ROUNDS + " rounds of " + ROUND.toSeconds() + " s, " + CLIENTS + " clients");
    lines.forEach(l -> out.add("- " + l));
    out.forEach(System.out::println);
    try {
      Files.createDirectories(OUT.getParent());
      Files.write(OUT, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
