package jp.vulnreport.statistics;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.vulnreport.statistics.StatisticsReport.Count;
import jp.vulnreport.statistics.StatisticsReport.Quarter;

/** Charts as inline SVG, drawn on the server (no script, nothing from another site). */
public final class StatisticsCharts {

  private static final int W = 720;
  private static final int H = 220;
  private static final int LEFT = 44;
  private static final int BOTTOM = 30;
  private static final int TOP = 44;

  private StatisticsCharts() {}

  /** Stacked bars per quarter: software products, self-reports, websites. */
  public static String receivedPerQuarter(List<Quarter> quarters) {
    long max = 1;
    for (Quarter q : quarters) {
      max = Math.max(max, nz(q.software()) + nz(q.selfReport()) + nz(q.website()));
    }
    StringBuilder sb = open("四半期ごとの届出件数 / reports received per quarter");
    double slot = (W - LEFT - 10.0) / quarters.size();
    double plot = H - BOTTOM - TOP;
    axis(sb, max);
    for (int i = 0; i < quarters.size(); i++) {
      Quarter q = quarters.get(i);
      double x = LEFT + i * slot + 4;
      double y = H - BOTTOM;
      String[][] parts = {{"#2a5298", String.valueOf(nz(q.software())), "ソフトウエア製品"},
          {"#7b4fa0", String.valueOf(nz(q.selfReport())), "自己届出"}, {"#8fb8e0", String.valueOf(nz(q.website())),
          "ウェブサイト"}};
      for (String[] p : parts) {
        double h = plot * Long.parseLong(p[1]) / max;
        y -= h;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
            + "<title>%s %s: %s</title></rect>", x, y, slot - 8, h, p[0], esc(q.label()), p[2], p[1]));
      }
      label(sb, x + (slot - 8) / 2, H - BOTTOM + 14, q.label());
    }
    legend(sb, new String[][] {{"#2a5298", "ソフトウエア製品 / software"}, {"#7b4fa0", "自己届出 / self-reports"},
        {"#8fb8e0", "ウェブサイト / websites"}});
    return sb.append("</svg>").toString();
  }

  /** Shares per quarter as lines: published within 45 days, notices on time (0–100 %). */
  public static String sharesPerQuarter(List<Quarter> quarters, boolean withPublication) {
    boolean notices = quarters.stream().anyMatch(q -> q.onTimeShare() != null);
    StringBuilder sb = open(withPublication && notices
        ? "45日以内の公表の割合と期限内通知の割合 / share within 45 days, on-time share"
        : withPublication ? "45日以内に公表した割合 / share published within 45 days"
        : "期限内通知の割合 / on-time share of notices");
    double slot = (W - LEFT - 10.0) / quarters.size();
    double plot = H - BOTTOM - TOP;
    for (int p = 0; p <= 100; p += 25) {
      double y = H - BOTTOM - plot * p / 100;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
          LEFT, W - 10, y, y));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%d%%</text>",
          LEFT - 4, y + 3, p));
    }
    if (withPublication) {
      line(sb, quarters, Quarter::within45Share, "#2a5298", slot, plot);
    }
    if (notices) {
      line(sb, quarters, Quarter::onTimeShare, "#c0392b", slot, plot);
    }
    for (int i = 0; i < quarters.size(); i++) {
      label(sb, LEFT + i * slot + slot / 2, H - BOTTOM + 14, quarters.get(i).label());
    }
    List<String[]> items = new java.util.ArrayList<>();
    if (withPublication) {
      items.add(new String[] {"#2a5298", "45日以内に公表 / published within 45 days"});
    }
    if (notices) {
      items.add(new String[] {"#c0392b", "期限内通知 / notices on time"});
    }
    legend(sb, items.toArray(String[][]::new));
    return sb.append("</svg>").toString();
  }

  /** One bar per bucket of a distribution. */
  public static String distribution(String title, List<Count> buckets) {
    long max = 1;
    for (Count c : buckets) {
      max = Math.max(max, c.period());
    }
    StringBuilder sb = open(title);
    axis(sb, max);
    double slot = (W - LEFT - 10.0) / buckets.size();
    double plot = H - BOTTOM - TOP;
    for (int i = 0; i < buckets.size(); i++) {
      Count c = buckets.get(i);
      double h = plot * c.period() / max;
      double x = LEFT + i * slot + 8;
      sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2a5298\">"
          + "<title>%s: %d</title></rect>", x, H - BOTTOM - h, slot - 16, h, esc(c.ja()), c.period()));
      label(sb, x + (slot - 16) / 2, H - BOTTOM - h - 3, String.valueOf(c.period()));
      label(sb, x + (slot - 16) / 2, H - BOTTOM + 14, c.ja());
    }
    return sb.append("</svg>").toString();
  }

  private static void line(StringBuilder sb, List<Quarter> quarters, Function<Quarter, Double> value, String color,
      double slot, double plot) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < quarters.size(); i++) {
      Double v = value.apply(quarters.get(i));
      if (v == null) {
        continue;
      }
      double x = LEFT + i * slot + slot / 2;
      double y = H - BOTTOM - plot * v;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %.1f%%</title>"
          + "</circle>", x, y, color, esc(quarters.get(i).label()), v * 100));
    }
    sb.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
        .append(points.toString().strip()).append("\"/>");
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        + "viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\" aria-label=\"%s\">"
        + "<text x=\"%d\" y=\"16\" font-size=\"12\" font-weight=\"600\">%s</text>", W, H, W, esc(title), LEFT, esc(title)));
  }

  private static void axis(StringBuilder sb, long max) {
    double plot = H - BOTTOM - TOP;
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT,
        W - 10, H - BOTTOM, H - BOTTOM));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%d</text>",
        LEFT - 4, H - BOTTOM - plot + 3, max));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">0</text>",
        LEFT - 4, H - BOTTOM + 3));
  }

  private static void legend(StringBuilder sb, String[][] items) {
    int x = W - 10;
    for (int i = items.length - 1; i >= 0; i--) {
      int w = 18 + items[i][1].codePoints().map(c -> c < 0x2000 ? 6 : 10).sum();
      x -= w;
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"23\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"32\" font-size=\"10\">%s</text>", x, items[i][0], x + 13, esc(items[i][1])));
    }
  }

  private static void label(StringBuilder sb, double x, double y, String text) {
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
        x, y, esc(text)));
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
