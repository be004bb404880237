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
public final class Bench {

  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 120));
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.round", 15));
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final Path OUT = Path.of("target", "bench", "results.md");
  /** The key figures of this run, as rows for README's "Key figures" table. */
  static final Path FIGURES = Path.of("target", "bench", "figures.md");
  static final Path README = Path.of("README.md");

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
  public static double percentile(List<Double> samples, double p) {
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

  /** The p-th percentile's spread: min and max of it over four consecutive blocks of the samples. */
  public static double[] blockSpread(List<Double> samples, double p) {
    int blocks = 4;
    int size = samples.size() / blocks;
    if (size == 0) {
      double v = percentile(samples, p);
      return new double[] {v, v};
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int b = 0; b < blocks; b++) {
      double v = percentile(samples.subList(b * size, (b + 1) * size), p);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {min, max};
  }

  /** The spread of a ratio measured in paired rounds: the least and the greatest a[i] / b[i]. */
  static double[] pairedSpread(List<Double> a, List<Double> b) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      min = Math.min(min, a.get(i) / b.get(i));
      max = Math.max(max, a.get(i) / b.get(i));
    }
    return new double[] {min, max};
  }

  /** The spread of a series: its min and max. */
  static double[] spread(Series s) {
    return new double[] {s.min(), s.max()};
  }

  /**
   * A key figure: printed beside the one README.md's "Key figures" table holds for the same key
   * (the last run's), and flagged WORSE when it is worse than that one by more than this run's own
   * spread (max − min of the rounds or blocks it comes from). Appended to target/bench/figures.md as a
   * row for that table. Keys carry the database (".h2" / ".pg") where the figure depends on it.
   */
  public static void figure(String key, double value, double[] spread, String unit, boolean higherIsBetter) {
    figureOn("postgres".equals(System.getProperty("test.database")) ? "pg" : "h2", key, value, spread, unit,
        higherIsBetter);
  }

  /** The same for a benchmark whose database does not follow -Dtest.database ("h2" or "pg"). */
  public static synchronized void figureOn(String database, String key, double value, double[] spread, String unit,
      boolean higherIsBetter) {
    String k = key + "." + database;
    String verdict = verdict(lastFigure(k), value, spread, unit, higherIsBetter);
    String line = String.format(Locale.ROOT, "%s: %s %s (spread %s .. %s) — %s", k, number(value), unit,
        number(spread[0]), number(spread[1]), verdict);
    System.out.println("[figure] " + line);
    try {
      Files.createDirectories(FIGURES.getParent());
      Files.write(FIGURES, List.of(String.format(Locale.ROOT, "| `%s` | %s | %s | %s .. %s | %s |", k, number(value),
          unit, number(spread[0]), number(spread[1]), higherIsBetter ? "higher is better" : "lower is better")),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How a figure compares with README's last one for it: WORSE when worse by more than the spread's width. */
  static String verdict(Double last, double value, double[] spread, String unit, boolean higherIsBetter) {
    if (last == null) {
      return "no figure in README yet";
    }
    double width = spread[1] - spread[0];
    double worseBy = higherIsBetter ? last - value : value - last;
    return String.format(Locale.ROOT, "README's last %s %s; %s", number(last), unit,
        worseBy > width ? "WORSE than README's by more than this run's spread (" + number(width) + ")"
            : worseBy > 0 ? "within this run's spread (" + number(width) + ")" : "as good or better");
  }

  private static String number(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** The figure README.md's key-figures table gives for {@code key}, if any. */
  static Double lastFigure(String key) {
    if (!Files.exists(README)) {
      return null;
    }
    try {
      String prefix = "| `" + key + "` | ";
      for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
        if (line.startsWith(prefix)) {
          String v = line.substring(prefix.length());
          return Double.parseDouble(v.substring(0, v.indexOf(' ')).replace(",", ""));
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
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
