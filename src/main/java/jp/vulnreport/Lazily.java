package jp.vulnreport;

import java.util.function.Supplier;

/** A value made on first use, once, then kept (e.g. a compiled schema that is costly to build at start-up). */
public final class Lazily<T> implements Supplier<T> {

  private final Supplier<T> make;
  private volatile T value;

  public Lazily(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        if (value == null) {
          value = make.get();
        }
        v = value;
      }
    }
    return v;
  }
}
