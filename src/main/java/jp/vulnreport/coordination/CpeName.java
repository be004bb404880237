package jp.vulnreport.coordination;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The product-identifying part of a CPE name: a CPE 2.3 formatted string
 * ({@code cpe:2.3:part:vendor:product:version:...}, with {@code \:} and other backslash escapes) or a
 * CPE 2.2 URI ({@code cpe:/a:vendor:product:version}, percent-encoded). Values are unescaped and
 * lower-case; a missing or empty component is {@code *} (ANY); {@code -} is NA.
 */
public record CpeName(String part, String vendor, String product, String version) {

  private static final String ANY = "*";
  private static final String NA = "-";
  private static final int MAX_LENGTH = 1000;

  /** The CPE name in {@code text}, or empty when it is neither a CPE 2.3 formatted string nor a CPE 2.2 URI. */
  public static Optional<CpeName> parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.regionMatches(true, 0, "cpe:2.3:", 0, 8)) {
      return formatted(s.substring(8));
    }
    if (s.regionMatches(true, 0, "cpe:/", 0, 5)) {
      return uri(s.substring(5));
    }
    return Optional.empty();
  }

  /**
   * The same product: equal part, vendor and product (case-insensitive). A vendor or product that is
   * ANY ({@code *}) or NA ({@code -}) names no product and never matches.
   */
  public boolean sameProduct(CpeName other) {
    if (other == null || !specific(vendor) || !specific(product) || !specific(other.vendor)
        || !specific(other.product)) {
      return false;
    }
    return part.equalsIgnoreCase(other.part) && vendor.equalsIgnoreCase(other.vendor)
        && product.equalsIgnoreCase(other.product);
  }

  @Override
  public String toString() {
    return "cpe:2.3:" + part + ":" + vendor + ":" + product + ":" + version;
  }

  private static boolean specific(String value) {
    return value != null && !value.isEmpty() && !value.equals(ANY) && !value.equals(NA);
  }

  /** part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other */
  private static Optional<CpeName> formatted(String rest) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\') {
        if (i + 1 == rest.length()) {
          return Optional.empty(); // a dangling escape
        }
        current.append(rest.charAt(++i));
      } else if (c == ':') {
        values.add(current.toString());
        current.setLength(0);
      } else if (Character.isWhitespace(c)) {
        return Optional.empty();
      } else {
        current.append(c);
      }
    }
    values.add(current.toString());
    if (values.size() < 3 || values.size() > 11 || values.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    String part = values.get(0).toLowerCase(Locale.ROOT);
    if (!List.of("a", "o", "h", ANY, NA).contains(part)) {
      return Optional.empty();
    }
    return Optional.of(new CpeName(part, lower(values.get(1)), lower(values.get(2)),
        values.size() > 3 ? lower(values.get(3)) : ANY));
  }

  /** part:vendor:product:version:update:edition:language, percent-encoded; empty is ANY. */
  private static Optional<CpeName> uri(String rest) {
    if (rest.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    String[] values = rest.split(":", -1);
    if (values.length < 1 || values.length > 7) {
      return Optional.empty();
    }
    String part = values[0].toLowerCase(Locale.ROOT);
    if (!List.of("a", "o", "h").contains(part)) {
      return Optional.empty();
    }
    String[] decoded = new String[4];
    for (int i = 1; i < 4; i++) {
      if (i >= values.length || values[i].isEmpty()) {
        decoded[i] = ANY;
      } else {
        String d = percentDecoded(values[i]);
        if (d == null) {
          return Optional.empty();
        }
        decoded[i] = lower(d);
      }
    }
    return Optional.of(new CpeName(part, decoded[1], decoded[2], decoded[3]));
  }

  private static String percentDecoded(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      int c = s.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(c) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
