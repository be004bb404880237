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
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return secondsUntilToken(bucket);
    }
  }

  /**
   * Zero if the client has a token left, else the seconds until it has one; takes none. With
   * {@link #consume}: for limits on outcomes (failed logins), which are known only afterwards.
   */
  public long check(String client) {
    long now = nanos();
    sweep(now);
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      return 0;
    }
    synchronized (bucket) {
      refill(bucket, now);
      return bucket.tokens >= 1 ? 0 : secondsUntilToken(bucket);
    }
  }

  /** Takes a token for something that has happened (down to none left). */
  public void consume(String client) {
    long now = nanos();
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
    synchronized (bucket) {
      refill(bucket, now);
      bucket.tokens = Math.max(0, bucket.tokens - 1);
    }
  }

  private void refill(Bucket bucket, long now) {
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updated) * tokensPerNano);
    bucket.updated = now;
  }

  private long secondsUntilToken(Bucket bucket) {
    // (less a microsecond: the floating-point refill must not turn an exact 60 s into 61)
    return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1e9 - 1e-6));
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
