package jp.vulnreport.statistics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.vulnreport.statistics.StatisticsReport.Count;
import jp.vulnreport.statistics.StatisticsReport.Quarter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The statistics charts as PNG, drawn on the server by JFreeChart with the font the application ships
 * (BIZ UDPゴシック, {@link StatisticsPdf#FONT}), so Japanese labels render on any machine; the pages show
 * them from the application's own endpoints and the PDF embeds them.
 */
public final class StatisticsChartImages {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 260;
  private static final StandardChartTheme THEME = theme();

  private StatisticsChartImages() {}

  private static StandardChartTheme theme() {
    Font base;
    try (InputStream in = StatisticsChartImages.class.getResourceAsStream(StatisticsPdf.FONT)) {
      base = Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("the statistics font " + StatisticsPdf.FONT + " cannot be read", e);
    }
    StandardChartTheme t = new StandardChartTheme("vulnreport");
    t.setExtraLargeFont(base.deriveFont(Font.PLAIN, 15f));
    t.setLargeFont(base.deriveFont(Font.PLAIN, 13f));
    t.setRegularFont(base.deriveFont(Font.PLAIN, 11f));
    t.setSmallFont(base.deriveFont(Font.PLAIN, 10f));
    t.setBarPainter(new StandardBarPainter());
    t.setShadowVisible(false);
    t.setChartBackgroundPaint(new Color(0xfa, 0xfb, 0xfd));
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xe6));
    return t;
  }

  /** Stacked bars per quarter: software products, self-reports, websites. */
  public static byte[] receivedPerQuarter(List<Quarter> quarters) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Quarter q : quarters) {
      data.addValue(nz(q.software()), "ソフトウエア製品 / software", q.label());
      data.addValue(nz(q.selfReport()), "自己届出 / self-reports", q.label());
      data.addValue(nz(q.website()), "ウェブサイト / websites", q.label());
    }
    JFreeChart chart = ChartFactory.createStackedBarChart("四半期ごとの届出件数 / reports received per quarter", null,
        "件 / reports", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart);
    plot.getRenderer().setSeriesPaint(0, new Color(0x2a, 0x52, 0x98));
    plot.getRenderer().setSeriesPaint(1, new Color(0x7b, 0x4f, 0xa0));
    plot.getRenderer().setSeriesPaint(2, new Color(0x8f, 0xb8, 0xe0));
    quarterLabels(plot);
    return png(chart);
  }

  /** Shares per quarter as lines (0–100 %): published within 45 days of acceptance, notices on time. */
  public static byte[] sharesPerQuarter(List<Quarter> quarters, boolean withPublication, boolean withNotices) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Quarter q : quarters) {
      if (withPublication) {
        data.addValue(q.within45Share() == null ? null : q.within45Share() * 100, "45日以内の公表 / within 45 days",
            q.label());
      }
      if (withNotices) {
        data.addValue(q.onTimeShare() == null ? null : q.onTimeShare() * 100, "期限内の通知 / notices on time",
            q.label());
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(withPublication && withNotices
        ? "45日以内の公表の割合と期限内通知の割合 / share within 45 days, on-time share"
        : withPublication ? "45日以内に公表した割合 / share published within 45 days"
        : "期限内通知の割合 / on-time share of notices", null, "% ", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
    LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
    r.setDefaultShapesVisible(true);
    r.setDefaultStroke(new BasicStroke(2f));
    r.setSeriesPaint(0, new Color(0x2a, 0x52, 0x98));
    r.setSeriesPaint(1, new Color(0xc0, 0x5a, 0x1e));
    quarterLabels(plot);
    return png(chart);
  }

  /** A distribution as bars, one per bucket. */
  public static byte[] distribution(String title, List<Count> buckets) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Count c : buckets) {
      data.addValue(c.period(), "件数 / cases", c.ja());
    }
    JFreeChart chart = ChartFactory.createBarChart(title, null, "件 / cases", data, PlotOrientation.VERTICAL, false,
        false, false);
    CategoryPlot plot = style(chart);
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, new Color(0x2a, 0x52, 0x98));
    return png(chart);
  }

  /** Twelve quarter labels (2026Q3) do not fit side by side: tilted, never cut. */
  private static void quarterLabels(CategoryPlot plot) {
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2f);
  }

  private static CategoryPlot style(JFreeChart chart) {
    THEME.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return plot;
  }

  private static byte[] png(JFreeChart chart) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
