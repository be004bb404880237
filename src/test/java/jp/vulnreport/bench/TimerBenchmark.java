package jp.vulnreport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark 3: deadline punctuality. With 10,000 timers waiting (due tomorrow) and a burst of
 * timers due at the same moment, how late each burst timer fires (from its due time to the end of
 * the timer activity): max, p99, p50. Baseline in the same run: the same burst with no timers
 * waiting. The job executor is the application's (Spring Boot defaults). H2 here; run with
 * -Dtest.database=postgres for PostgreSQL.
 */
class TimerBenchmark extends BenchContext {

  static final String PROCESS = "BenchTimer";
  static final int WAITING = Integer.getInteger("bench.waitingTimers", 10_000);
  static final int BURST = Integer.getInteger("bench.burst", 500);

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @Test
  void burstOfTimersWithAndWithoutTenThousandWaiting() throws Exception {
    repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Timer").timerWithDate("${due}").endEvent().done()).deploy();

    burst("warm-up", BURST / 5);
    List<Double> baseline = burst("baseline", BURST);
    long t0 = System.nanoTime();
    Date tomorrow = new Date(System.currentTimeMillis() + 86_400_000L);
    for (int i = 0; i < WAITING; i++) {
      runtime.startProcessInstanceByKey(PROCESS, "waiting-" + i, Map.of("due", tomorrow));
    }
    double createSeconds = (System.nanoTime() - t0) / 1e9;
    List<Double> loaded = burst("with waiting timers", BURST);

    Bench.report("3. Deadline punctuality: a burst of " + BURST + " timers due at once", List.of(
        describe("with " + WAITING + " timers waiting", loaded) + "; p99 "
            + Bench.ratio(Bench.percentile(loaded, 99), Bench.percentile(baseline, 99)) + ", max "
            + Bench.ratio(max(loaded), max(baseline)),
        describe("baseline, no timers waiting", baseline),
        String.format(Locale.ROOT, "creating the %d waiting timers took %.1f s", WAITING, createSeconds)));
    Bench.figure("timer.p99.ms", Bench.percentile(loaded, 99), new double[] {Math.min(Bench.percentile(loaded, 99),
        Bench.percentile(baseline, 99)), Math.max(Bench.percentile(loaded, 99), Bench.percentile(baseline, 99))},
        "ms late", false);
    assertThat(loaded).hasSize(BURST);
  }

  /** Starts {@code count} instances whose timer is due in 15 s and returns each one's lateness (ms). */
  private List<Double> burst(String label, int count) throws InterruptedException {
    String prefix = label + "-" + System.nanoTime() + "-";
    Date due = new Date(System.currentTimeMillis() + 15_000);
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey(PROCESS, prefix + i, Map.of("due", due));
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").list()
        .forEach(p -> ids.add(p.getId()));
    long deadline = System.currentTimeMillis() + 180_000;
    List<HistoricActivityInstance> fired;
    do {
      Thread.sleep(500);
      fired = history.createHistoricActivityInstanceQuery().activityId("Timer").finished().list().stream()
          .filter(a -> ids.contains(a.getProcessInstanceId())).toList();
    } while (fired.size() < count && System.currentTimeMillis() < deadline);
    List<Double> lateness = new ArrayList<>();
    for (HistoricActivityInstance a : fired) {
      lateness.add((double) (a.getEndTime().getTime() - due.getTime()));
    }
    return lateness;
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String describe(String label, List<Double> ms) {
    return String.format(Locale.ROOT, "%s: late by p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d timers)", label,
        Bench.percentile(ms, 50), Bench.percentile(ms, 99), max(ms), ms.size());
  }
}
