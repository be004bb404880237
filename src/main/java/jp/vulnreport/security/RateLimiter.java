package jp.vulnreport.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per client: in memory, per node, on a monotonic clock ({@link System#nanoTime()}). */
public class RateLimiter {

  private final int capacity;
  private final double tokensPerNano;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long lastSweep;

  public RateLimiter(int capacity, Duration period) {
    this(capacity, period, System::nanoTime);
  }

  RateLimiter(int capacity, Duration period, LongSupplier nanoTime) {
    if (capacity < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("capacity and period must be positive");
    }
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) period.toNanos();
    this.idleNanos = period.toNanos();
    this.nanoTime = nanoTime;
    this.lastSweep = nanoTime.getAsLong();
  }

  /** Zero if the client may go ahead (a token is taken), else the seconds until it may retry. */
  public long tryAcquire(String client) {
    long now = nanos();
    sweep(now);
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updated) * tokensPerNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1e9));
    }
  }

  int clients() {
    return buckets.size();
  }

  /** Forgets clients whose buckets have been full again for a while (keeps memory bounded). */
  private void sweep(long now) {
    if (now - lastSweep < idleNanos) {
      return;
    }
    lastSweep = now;
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return now - e.getValue().updated > idleNanos;
      }
    });
  }

  private long nanos() {
    return nanoTime.getAsLong();
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
