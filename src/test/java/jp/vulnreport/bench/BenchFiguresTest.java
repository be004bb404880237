package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A benchmark figure worse than README's last one by more than the run's own spread is marked WORSE. */
class BenchFiguresTest {

  @Test
  void aLatencyWorseByMoreThanTheSpreadIsMarked() {
    assertThat(Bench.verdict(50.0, 70.0, new double[] {60, 75}, "ms", false)).contains("WORSE");
    assertThat(Bench.verdict(50.0, 55.0, new double[] {50, 58}, "ms", false)).contains("within this run's spread");
    assertThat(Bench.verdict(50.0, 40.0, new double[] {38, 45}, "ms", false)).contains("as good or better");
  }

  @Test
  void aRatioLowerByMoreThanTheSpreadIsMarked() {
    assertThat(Bench.verdict(0.32, 0.20, new double[] {0.18, 0.22}, "×", true)).contains("WORSE");
    assertThat(Bench.verdict(0.32, 0.40, new double[] {0.35, 0.45}, "×", true)).contains("as good or better");
    assertThat(Bench.verdict(null, 0.40, new double[] {0.35, 0.45}, "×", true)).isEqualTo("no figure in README yet");
  }

  @Test
  void readmeHoldsTheLastFigureOfEachKey() {
    assertThat(Bench.lastFigure("query.list.p95.ms.h2")).isNotNull().isPositive();
    assertThat(Bench.lastFigure("timer.p99.ms.pg")).isNotNull().isPositive();
    assertThat(Bench.lastFigure("no.such.key")).isNull();
  }
}
